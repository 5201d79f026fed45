package dev.archway.control.openapi.rest;

import dev.archway.control.wire.ApiException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What GetExport writes: the dialect ({@code oas30} or {@code swagger}) and the {@code extensions}
 * parameter, a comma-separated list: {@code integrations} adds {@code x-amazon-apigateway-integration},
 * {@code authorizers} adds {@code x-amazon-apigateway-authorizer}, {@code apigateway} adds every
 * API Gateway extension (integrations and authorizers included), {@code documentation} adds the
 * stage's documentation version, {@code postman} is accepted and adds nothing.
 */
public record ExportOptions(boolean swagger, boolean integrations, boolean authorizers, boolean apigateway,
    boolean documentation, boolean postman) {
  private static final List<String> EXTENSIONS = List.of("integrations", "authorizers", "apigateway", "documentation", "postman");

  public static ExportOptions of(String exportType, String extensions) {
    if (!"oas30".equals(exportType) && !"swagger".equals(exportType)) {
      throw ApiException.badRequest("Invalid export type: " + exportType + " (expected: oas30 or swagger)");
    }
    Set<String> asked = new LinkedHashSet<>();
    if (extensions != null) {
      for (String part : extensions.split(",")) {
        String name = part.strip().replace("'", "").toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !EXTENSIONS.contains(name)) {
          throw ApiException.badRequest("Invalid extensions: " + part.strip() + " (expected: any of " + EXTENSIONS + ")");
        }
        asked.add(name);
      }
    }
    boolean all = asked.contains("apigateway");
    return new ExportOptions("swagger".equals(exportType), all || asked.contains("integrations"),
        all || asked.contains("authorizers"), all, asked.contains("documentation"), asked.contains("postman"));
  }
}
