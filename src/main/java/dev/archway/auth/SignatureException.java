package dev.archway.auth;

/**
 * A request whose SigV4 authentication failed, with AWS's wire identity: the status, the error
 * type sent as {@code x-amzn-ErrorType} and the message sent as {@code {"message": ...}}.
 *
 * <p>All are 403: API Gateway answers malformed signatures with 403 too (other AWS services use
 * 400 for {@code IncompleteSignatureException}).
 */
public final class SignatureException extends Exception {
  static final String MISSING_TOKEN = "MissingAuthenticationTokenException";
  static final String INCOMPLETE = "IncompleteSignatureException";
  static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";
  static final String INVALID_SIGNATURE = "InvalidSignatureException";

  private final int status;
  private final String errorType;

  SignatureException(int status, String errorType, String message) {
    // No stack trace: this is an answer to a client, not a bug.
    super(message, null, false, false);
    this.status = status;
    this.errorType = errorType;
  }

  static SignatureException missingToken() {
    return new SignatureException(403, MISSING_TOKEN, "Missing Authentication Token");
  }

  static SignatureException incomplete(String message) {
    return new SignatureException(403, INCOMPLETE, message);
  }

  static SignatureException unrecognizedClient() {
    return new SignatureException(
        403, UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
  }

  static SignatureException invalid(String message) {
    return new SignatureException(403, INVALID_SIGNATURE, message);
  }

  static SignatureException mismatch() {
    return invalid("The request signature we calculated does not match the signature you provided."
        + " Check your AWS Secret Access Key and signing method."
        + " Consult the service documentation for details.");
  }

  public int status() {
    return status;
  }

  public String errorType() {
    return errorType;
  }
}
