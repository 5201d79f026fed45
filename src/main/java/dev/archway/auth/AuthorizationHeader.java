package dev.archway.auth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}
 * header. Only the shape is checked here; whether it verifies is {@link SigV4Verifier}'s job.
 *
 * @param signedHeadersLine the SignedHeaders value as sent: it goes into the canonical request verbatim
 * @param signedHeaders     the same names, lower-cased, to look the headers up
 */
record AuthorizationHeader(
    String accessKeyId,
    String scopeDate,
    String region,
    String service,
    String signedHeadersLine,
    List<String> signedHeaders,
    String signature) {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final String TERMINATOR = "aws4_request";

  String scope() {
    return scopeDate + "/" + region + "/" + service + "/" + TERMINATOR;
  }

  /**
   * Parses {@code value}. {@code hasDateHeader} says whether the request carries X-Amz-Date or
   * Date: AWS reports a missing date in the same message as missing parameters.
   */
  static AuthorizationHeader parse(String value, boolean hasDateHeader) throws SignatureException {
    Map<String, String> params = new LinkedHashMap<>();
    String trimmed = value.trim();
    // Anything but AWS4-HMAC-SHA256 (a Bearer token, SigV2...) has none of the SigV4 parameters,
    // which is how API Gateway words it.
    if (trimmed.startsWith(ALGORITHM + " ")) {
      for (String part : trimmed.substring(ALGORITHM.length()).split(",")) {
        String pair = part.trim();
        int eq = pair.indexOf('=');
        if (eq < 0) {
          throw SignatureException.incomplete("'" + pair + "' not a valid key=value pair"
              + " (missing equal-sign) in Authorization header: '" + value + "'.");
        }
        params.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }

    StringBuilder missing = new StringBuilder();
    for (String required : List.of("Credential", "Signature", "SignedHeaders")) {
      if (params.getOrDefault(required, "").isEmpty()) {
        missing.append("Authorization header requires '").append(required).append("' parameter. ");
      }
    }
    if (!hasDateHeader) {
      missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
    }
    if (missing.length() > 0) {
      throw SignatureException.incomplete(missing + "Authorization=" + value);
    }

    String credential = params.get("Credential");
    String[] scope = credential.split("/", -1);
    if (scope.length != 5 || scope[0].isEmpty() || scope[1].isEmpty() || scope[3].isEmpty()) {
      throw SignatureException.incomplete("Credential must have exactly 5 slash-delimited elements,"
          + " e.g. keyid/date/region/service/term, got '" + credential + "'");
    }
    if (scope[2].isEmpty()) {
      throw SignatureException.invalid("Credential should be scoped to a valid region, not ''. ");
    }
    if (!TERMINATOR.equals(scope[4])) {
      throw SignatureException.invalid("Credential should be scoped with a valid terminator: '"
          + TERMINATOR + "', not '" + scope[4] + "'. ");
    }

    String signedHeadersLine = params.get("SignedHeaders");
    List<String> signedHeaders = Arrays.stream(signedHeadersLine.split(";"))
        .map(name -> name.trim().toLowerCase(Locale.ROOT))
        .toList();
    return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3],
        signedHeadersLine, signedHeaders, params.get("Signature"));
  }
}
