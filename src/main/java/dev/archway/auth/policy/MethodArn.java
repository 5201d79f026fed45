package dev.archway.auth.policy;

/**
 * The ARN policies name an API method by:
 * {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}}, where the path is
 * the request's (not the resource template's), without its leading slash ({@code .../GET/} for the root).
 */
public final class MethodArn {
  private MethodArn() {}

  /** {@code arn:aws:execute-api:{region}:{account}:{apiId}}: what the {@code execute-api:/...} shorthand expands against. */
  public static String apiArn(String region, String accountId, String apiId) {
    return "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId;
  }

  /** @param path the request path after the stage, with its leading slash ({@code /pets/1}), or empty for the root */
  public static String of(String apiArn, String stage, String httpMethod, String path) {
    String relative = path == null || path.isEmpty() ? "" : path.startsWith("/") ? path.substring(1) : path;
    return apiArn + "/" + stage + "/" + httpMethod + "/" + relative;
  }

  /** Expands the resource-policy shorthand {@code execute-api:/stage/METHOD/path} to a full ARN of the API. */
  public static String expand(String resource, String apiArn) {
    return resource.startsWith("execute-api:/") ? apiArn + resource.substring("execute-api:".length()) : resource;
  }
}
