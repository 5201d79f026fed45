package dev.archway.mapping;

import org.apache.velocity.exception.MacroOverflowException;
import org.apache.velocity.exception.TemplateInitException;
import org.apache.velocity.runtime.parser.ParseException;

/** Velocity's exceptions turned into one-line messages for API owners, without Velocity's internals. */
final class Errors {
  private Errors() {}

  /** A parse error as "what, at line L, column C". */
  static String describe(Throwable e) {
    Throwable cause = e;
    while (cause instanceof TemplateInitException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ParseException parse && parse.currentToken != null && parse.currentToken.next != null) {
      var token = parse.currentToken.next;
      return "unexpected '" + token.image + "' at line " + token.beginLine + ", column " + token.beginColumn;
    }
    return firstLine(cause.getMessage());
  }

  /** A render failure as the exception callers handle; the template's own budget errors pass through. */
  static TemplateRuntimeException translate(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof TemplateRuntimeException ours) {
        return ours;
      }
      if (cause instanceof MacroOverflowException) {
        return new TemplateRuntimeException("mapping template macros nested too deeply: " + firstLine(cause.getMessage()));
      }
      if (cause instanceof StackOverflowError) {
        return new TemplateRuntimeException("mapping template recursed too deeply");
      }
    }
    return new TemplateRuntimeException("mapping template failed: " + firstLine(e.getMessage()), e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
