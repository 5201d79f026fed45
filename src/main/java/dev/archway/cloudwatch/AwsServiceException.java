package dev.archway.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A CloudWatch or CloudWatch Logs failure with AWS's wire identity: the HTTP status, the error
 * shape's name from the service model ({@code ResourceNotFoundException}, {@code ResourceNotFound})
 * and the message. How it is written depends on the protocol the request came in; the query
 * protocol's code comes from the shape's {@code error.code} in the model.
 */
public final class AwsServiceException extends RuntimeException {
  private final int status;
  private final String shape;
  private final ObjectNode details;

  public AwsServiceException(int status, String shape, String message) {
    this(status, shape, message, null);
  }

  /** @param details further members of the error shape (DashboardInvalidInputError's validation messages) */
  public AwsServiceException(int status, String shape, String message, ObjectNode details) {
    // No stack trace: an answer to a client, not a bug.
    super(message, null, false, false);
    this.status = status;
    this.shape = shape;
    this.details = details;
  }

  /** 400 with the given error shape: the caller sent something the service refuses. */
  public static AwsServiceException badRequest(String shape, String message) {
    return new AwsServiceException(400, shape, message);
  }

  public int status() {
    return status;
  }

  /** The error shape's name in the service model (the {@code __type} of JSON and CBOR answers). */
  public String shape() {
    return shape;
  }

  /** Members of the error shape besides its message, or null. */
  public ObjectNode details() {
    return details;
  }

  /** {@code Sender} for the caller's faults, {@code Receiver} for the service's. */
  public String faultType() {
    return status < 500 ? "Sender" : "Receiver";
  }
}
