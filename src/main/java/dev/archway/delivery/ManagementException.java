package dev.archway.delivery;

/**
 * The management API refused a call, or could not be reached ({@code status} 0): the message is one
 * line, {@code Operation: ErrorType: message}, as AWS words the error (line breaks of multi-line
 * messages such as import errors become spaces).
 */
public final class ManagementException extends DeliveryException {
  private final int status;
  private final String errorType;

  ManagementException(String operation, int status, String errorType, String message) {
    super(operation + ": " + errorType + (message == null || message.isBlank() ? ""
        : ": " + message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip()));
    this.status = status;
    this.errorType = errorType;
  }

  int status() {
    return status;
  }

  String errorType() {
    return errorType;
  }
}
