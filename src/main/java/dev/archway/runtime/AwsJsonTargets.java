package dev.archway.runtime;

import dev.archway.integration.AwsServiceUri;
import java.util.Map;

/**
 * The {@code X-Amz-Target} API Gateway adds for action-form calls to AWS JSON-protocol services,
 * which route on that header, not on the path (LocalStack, validated against AWS, does the same
 * for these services). Other services need the header mapped by hand, as on AWS.
 */
public final class AwsJsonTargets {
  private static final Map<String, String> PREFIXES = Map.of(
      "dynamodb", "DynamoDB_20120810",
      "kinesis", "Kinesis_20131202",
      "states", "AWSStepFunctions",
      "ssm", "AmazonSSM");

  private AwsJsonTargets() {}

  /** @return the header value, or null when API Gateway adds none */
  public static String of(AwsServiceUri uri) {
    String prefix = uri.path() ? null : PREFIXES.get(uri.service());
    return prefix == null ? null : prefix + "." + uri.action();
  }
}
