package dev.archway.cloudwatch.logs;

import dev.archway.cloudwatch.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque tokens of the Describe operations: the name of the last item returned, encoded. */
final class PageToken {
  private PageToken() {}

  static String after(String name) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
  }

  /** @return the name the page starts after, or null without a token */
  static String read(String token) {
    if (token == null) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw LogGroups.invalid("The specified nextToken is invalid.");
    }
  }

  static AwsServiceException invalid() {
    return LogGroups.invalid("The specified nextToken is invalid.");
  }
}
