package dev.archway.delivery;

/**
 * {@code apply} or {@code export} cannot go on, for a reason found on the server (a refusal, a name
 * two APIs share, an API that does not exist): printed as one line, exit code 1.
 */
public class DeliveryException extends RuntimeException {
  public DeliveryException(String message) {
    super(message);
  }
}
