package dev.archway.websocket;

/**
 * Why an event was not served, as the client learns it: a refused handshake answers with
 * {@code status} and {@code {"message": ...}}; a message gets AWS's error frame with the message.
 * {@code responseType} is the gateway response AWS would name (THROTTLED, BAD_REQUEST_BODY...), for
 * the event's log. Carries no stack trace: it is an answer, not a fault (the cause, when there is
 * one, goes to the log).
 */
final class Refusal extends RuntimeException {
  private final int status;
  private final String responseType;
  private final String errorType;

  Refusal(int status, String message, String responseType) {
    this(status, message, responseType, null);
  }

  /** @param errorType what a refused handshake says in {@code x-amzn-ErrorType} (a SigV4 failure's), or null */
  Refusal(int status, String message, String responseType, String errorType) {
    super(message, null, false, false);
    this.status = status;
    this.responseType = responseType;
    this.errorType = errorType;
  }

  static Refusal internalError() {
    return new Refusal(500, "Internal server error", "DEFAULT_5XX");
  }

  /** The integration was called and failed (no answer, an answer it could not read, a function error). */
  static Refusal integrationFailure() {
    return new Refusal(500, "Internal server error", "INTEGRATION_FAILURE");
  }

  static Refusal timedOut() {
    return new Refusal(504, "Endpoint request timed out", "INTEGRATION_TIMEOUT");
  }

  static Refusal unauthorized() {
    return new Refusal(401, "Unauthorized", "UNAUTHORIZED");
  }

  /** The authorizer's policy does not allow the caller. */
  static Refusal accessDenied() {
    return new Refusal(403, "Forbidden", "ACCESS_DENIED");
  }

  /** No route takes the message (AWS answers it with Forbidden). */
  static Refusal noRoute() {
    return new Refusal(403, "Forbidden", "MISSING_AUTHENTICATION_TOKEN");
  }

  static Refusal invalidApiKey() {
    return new Refusal(403, "Forbidden", "INVALID_API_KEY");
  }

  static Refusal throttled() {
    return new Refusal(429, "Too Many Requests", "THROTTLED");
  }

  /** The usage plan's quota for the caller's API key is used up for its period. */
  static Refusal quotaExceeded() {
    return new Refusal(429, "Limit Exceeded", "QUOTA_EXCEEDED");
  }

  /** The message does not match the route's model. */
  static Refusal invalidBody() {
    return new Refusal(400, "Invalid request body", "BAD_REQUEST_BODY");
  }

  int status() {
    return status;
  }

  String responseType() {
    return responseType;
  }

  String errorType() {
    return errorType;
  }
}
