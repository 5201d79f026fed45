package dev.archway.integration;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The integration URI of a Lambda integration (AWS or AWS_PROXY), parsed at deploy time:
 * {@code arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations},
 * where the function ARN may use {@code ${stageVariables.x}}.
 */
public final class LambdaFunctionUri {
  private static final Pattern URI = Pattern.compile(
      "arn:aws[a-z-]*:apigateway:([a-z]{2}(?:-[a-z]+)+-\\d):lambda:path/2015-03-31/functions/(.+)/invocations");

  private final String source;
  private final String region;
  private final StageVariableText function;
  /** The function when the ARN names no stage variable: parsed once, not per request. */
  private final LambdaFunction constant;

  private LambdaFunctionUri(String source, String region, StageVariableText function, LambdaFunction constant) {
    this.source = source;
    this.region = region;
    this.function = function;
    this.constant = constant;
  }

  /** @throws IllegalArgumentException naming the URI and the expected form */
  public static LambdaFunctionUri parse(String uri) {
    Matcher m = uri == null ? null : URI.matcher(uri);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("integration uri: " + uri
          + " (expected: arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function arn>/invocations)");
    }
    String region = m.group(1);
    // A static ARN is checked now, not at the first request.
    LambdaFunction constant = m.group(2).contains("${") ? null : LambdaFunction.parse(m.group(2), region);
    return new LambdaFunctionUri(uri, region, StageVariableText.parse(m.group(2)), constant);
  }

  /** @throws IllegalArgumentException when the stage variables make no valid function name */
  public LambdaFunction function(Map<String, String> stageVariables) {
    return constant != null ? constant : LambdaFunction.parse(function.expand(stageVariables), region);
  }

  @Override
  public String toString() {
    return source;
  }
}
