package dev.archway.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** OpenAPI definitions of the import tests, from src/test/resources/openapi, with ECHO replaced by a backend's URL. */
final class OpenApiFixtures {
  private OpenApiFixtures() {}

  static String definition(String name, String echoUrl) {
    try (InputStream in = OpenApiFixtures.class.getResourceAsStream("/openapi/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture /openapi/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("ECHO", echoUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
