package dev.archway.mapping;

/**
 * A mapping template that cannot be accepted: a syntax error (with line and column), a template
 * larger than AWS's 300 KB, a forbidden directive or a bad literal JSONPath. The control plane answers
 * it with 400 BadRequestException when the template is put, so a deployment never holds one.
 */
public final class TemplateException extends RuntimeException {
  TemplateException(String message) {
    super(message);
  }

  TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
