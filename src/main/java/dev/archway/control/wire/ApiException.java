package dev.archway.control.wire;

/**
 * A management-API failure with AWS's wire identity: the HTTP status, the error type sent in
 * {@code x-amzn-ErrorType} (without the "Exception" suffix stripped: e.g. {@code NotFoundException})
 * and the message sent as {@code {"message": ...}}.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String errorType;
  /** Seconds for the {@code Retry-After} header, or null. */
  private final String retryAfterSeconds;

  public ApiException(int status, String errorType, String message) {
    this(status, errorType, message, null);
  }

  private ApiException(int status, String errorType, String message, String retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.errorType = errorType;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 503 ServiceUnavailableException with {@code Retry-After}: nothing was done, the same call may succeed later. */
  public static ApiException serviceUnavailable(String message, int retryAfterSeconds) {
    return new ApiException(503, "ServiceUnavailableException", message, String.valueOf(retryAfterSeconds));
  }

  public String retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "NotFoundException", message);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequestException", message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "ConflictException", message);
  }

  public static ApiException tooManyRequests(String message) {
    return new ApiException(429, "TooManyRequestsException", message);
  }

  public static ApiException forbidden(String errorType, String message) {
    return new ApiException(403, errorType, message);
  }

  public int status() {
    return status;
  }

  public String errorType() {
    return errorType;
  }
}
