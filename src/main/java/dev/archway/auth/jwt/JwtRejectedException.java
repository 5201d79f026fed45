package dev.archway.auth.jwt;

/**
 * A token that does not validate. The message is AWS-like ("the token does not have a valid
 * audience") and names no key material, so an HTTP API may put it in {@code www-authenticate};
 * REST answers a bare 401 and logs it.
 */
public final class JwtRejectedException extends RuntimeException {
  public JwtRejectedException(String message) {
    super(message, null, false, false);
  }
}
