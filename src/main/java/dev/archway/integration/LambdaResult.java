package dev.archway.integration;

import io.vertx.core.buffer.Buffer;

/**
 * What a synchronous Invoke returned: the function's payload and, when the function failed,
 * Lambda's {@code X-Amz-Function-Error} value ({@code Unhandled} or {@code Handled}); then the
 * payload is {@code {"errorMessage", "errorType", "stackTrace"}}.
 */
public record LambdaResult(String functionError, Buffer payload) {

  public boolean failed() {
    return functionError != null;
  }
}
