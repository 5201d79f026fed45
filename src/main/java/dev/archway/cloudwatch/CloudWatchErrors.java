package dev.archway.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;

/** CloudWatch's errors by their model shapes, and the timestamps of its canonical trees (epoch seconds). */
public final class CloudWatchErrors {
  private CloudWatchErrors() {}

  public static AwsServiceException invalidValue(String message) {
    return AwsServiceException.badRequest("InvalidParameterValueException", message);
  }

  public static AwsServiceException missing(String message) {
    return AwsServiceException.badRequest("MissingRequiredParameterException", message);
  }

  public static AwsServiceException combination(String message) {
    return AwsServiceException.badRequest("InvalidParameterCombinationException", message);
  }

  public static AwsServiceException notFound(String message) {
    return new AwsServiceException(404, "ResourceNotFound", message);
  }

  public static AwsServiceException invalidToken() {
    return AwsServiceException.badRequest("InvalidNextToken", "The service cannot find the next token.");
  }

  /** A timestamp member as epoch milliseconds, or {@code absent} when the member is missing. */
  public static long millis(JsonNode node, long absent) {
    return node == null || node.isMissingNode() || node.isNull() ? absent
        : node.decimalValue().movePointRight(3).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
  }

  /** Epoch milliseconds as a timestamp member (epoch seconds). */
  public static JsonNode timestamp(long millis) {
    BigDecimal seconds = BigDecimal.valueOf(millis, 3).stripTrailingZeros();
    // Plain digits (1796295840, not 1.79629584E+9): what AWS's JSON answers hold.
    return DecimalNode.valueOf(seconds.scale() < 0 ? seconds.setScale(0) : seconds);
  }
}
