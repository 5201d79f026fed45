package dev.archway.mapping;

/**
 * A mapping template failed while rendering one request: it broke a budget (loop iterations, output
 * size, work, time), touched something outside the sandbox, or a {@code $util} function got bad input.
 * The pipeline answers it as AWS does a failed transformation: 500 {@code {"message": "Internal server error"}};
 * the message is for the log, never for the client.
 */
public final class TemplateRuntimeException extends RuntimeException {
  TemplateRuntimeException(String message) {
    super(message, null, false, false);
  }

  TemplateRuntimeException(String message, Throwable cause) {
    super(message, cause, false, true);
  }
}
