package dev.archway.runtime;

/**
 * The answers API Gateway gives on its own, without (or instead of) the integration's: the AWS
 * gateway response types with their default status, message and {@code x-amzn-ErrorType}.
 * {@link GatewayResponseRenderer} is the one place that turns them into bytes.
 */
public sealed interface GatewayResponse {

  /** The AWS gateway response type, e.g. {@code MISSING_AUTHENTICATION_TOKEN}. */
  String type();

  int statusCode();

  String message();

  /** The {@code x-amzn-ErrorType} header value. */
  String errorType();

  /** {@code $context.error.validationErrorString}: details of a failed request validation, else empty. */
  default String validationErrorString() {
    return "";
  }

  /** This response as the failure a step returns to stop the pipeline. */
  default Failure failure() {
    return new Failure(this);
  }

  /** Unknown API, stage, resource or method: AWS answers 403 here, never 404 or 405. */
  record MissingAuthenticationToken() implements GatewayResponse {
    public String type() { return "MISSING_AUTHENTICATION_TOKEN"; }
    public int statusCode() { return 403; }
    public String message() { return "Missing Authentication Token"; }
    public String errorType() { return "MissingAuthenticationTokenException"; }
  }

  /** A request Archway refuses to interpret, such as an ambiguous path (DEFAULT_4XX). */
  record BadRequest(String message) implements GatewayResponse {
    public String type() { return "DEFAULT_4XX"; }
    public int statusCode() { return 400; }
    public String errorType() { return "BadRequestException"; }
  }

  /** A required request parameter is absent or blank; {@code message} names them all. */
  record BadRequestParameters(String message) implements GatewayResponse {
    public String type() { return "BAD_REQUEST_PARAMETERS"; }
    public int statusCode() { return 400; }
    public String errorType() { return "BadRequestException"; }
  }

  /** The body does not match the method's model; the details go to {@code $context.error.validationErrorString}. */
  record BadRequestBody(String validationErrorString) implements GatewayResponse {
    public String type() { return "BAD_REQUEST_BODY"; }
    public int statusCode() { return 400; }
    public String message() { return "Invalid request body"; }
    public String errorType() { return "BadRequestException"; }
  }

  /** Body over the 10 MB payload limit. */
  record RequestTooLarge() implements GatewayResponse {
    public String type() { return "REQUEST_TOO_LARGE"; }
    public int statusCode() { return 413; }
    public String message() { return "Request Too Long"; }
    public String errorType() { return "RequestTooLargeException"; }
  }

  /** The integration did not answer within {@code timeoutInMillis}. */
  record IntegrationTimeout() implements GatewayResponse {
    public String type() { return "INTEGRATION_TIMEOUT"; }
    public int statusCode() { return 504; }
    public String message() { return "Endpoint request timed out"; }
    public String errorType() { return "InternalServerErrorException"; }
  }

  /** The integration could not be reached: connection refused, unknown host, reset. */
  record IntegrationFailure() implements GatewayResponse {
    public String type() { return "INTEGRATION_FAILURE"; }
    public int statusCode() { return 504; }
    public String message() { return "Internal server error"; }
    public String errorType() { return "InternalServerErrorException"; }
  }

  /**
   * The API's configuration cannot be carried out for this request: an integration endpoint that
   * cannot be called (an invalid address, or one the egress policy refuses), a selectionPattern past
   * its matching budget. AWS's API_CONFIGURATION_ERROR; HTTP APIs answer it as any other 500.
   */
  record ApiConfigurationError() implements GatewayResponse {
    public String type() { return "API_CONFIGURATION_ERROR"; }
    public int statusCode() { return 500; }
    public String message() { return "Internal server error"; }
    public String errorType() { return "InternalServerErrorException"; }
  }

  /** A configuration error found at request time, e.g. no method response for the selected status (DEFAULT_5XX). */
  record InternalServerError() implements GatewayResponse {
    public String type() { return "DEFAULT_5XX"; }
    public int statusCode() { return 500; }
    public String message() { return "Internal server error"; }
    public String errorType() { return "InternalServerErrorException"; }
  }

  /** A Lambda proxy response of the wrong shape, or a function error: "Malformed Lambda proxy response" (DEFAULT_5XX). */
  record MalformedLambdaResponse() implements GatewayResponse {
    public String type() { return "DEFAULT_5XX"; }
    public int statusCode() { return 502; }
    public String message() { return "Internal server error"; }
    public String errorType() { return "InternalServerErrorException"; }
  }

  /** No request template for the Content-Type and a passthroughBehavior that forbids passing it through. */
  record UnsupportedMediaType() implements GatewayResponse {
    public String type() { return "UNSUPPORTED_MEDIA_TYPE"; }
    public int statusCode() { return 415; }
    public String message() { return "Unsupported Media Type"; }
    public String errorType() { return "UnsupportedMediaTypeException"; }
  }

  /** API key missing, unknown, disabled or not in a usage plan of this stage (INVALID_API_KEY). */
  record InvalidApiKey() implements GatewayResponse {
    public String type() { return "INVALID_API_KEY"; }
    public int statusCode() { return 403; }
    public String message() { return "Forbidden"; }
    public String errorType() { return "ForbiddenException"; }
  }

  /** A custom domain name with no API mapping for the request's path (no API to customise it). */
  record Forbidden() implements GatewayResponse {
    public String type() { return "DEFAULT_4XX"; }
    public int statusCode() { return 403; }
    public String message() { return "Forbidden"; }
    public String errorType() { return "ForbiddenException"; }
  }

  /** Over a throttle limit: usage plan, stage method settings or account. */
  record Throttled() implements GatewayResponse {
    public String type() { return "THROTTLED"; }
    public int statusCode() { return 429; }
    public String message() { return "Too Many Requests"; }
    public String errorType() { return "TooManyRequestsException"; }
  }

  /** The key's usage-plan quota for this period is used up. */
  record QuotaExceeded() implements GatewayResponse {
    public String type() { return "QUOTA_EXCEEDED"; }
    public int statusCode() { return 429; }
    public String message() { return "Limit Exceeded"; }
    public String errorType() { return "LimitExceededException"; }
  }

  /** HTTP APIs: no stage, no route and no {@code $default} route (RESOURCE_NOT_FOUND). */
  record NotFound() implements GatewayResponse {
    public String type() { return "RESOURCE_NOT_FOUND"; }
    public int statusCode() { return 404; }
    public String message() { return "Not Found"; }
    public String errorType() { return "NotFoundException"; }
  }

  /** No identity, a token the authorizer refused, or a Lambda authorizer that failed with "Unauthorized". */
  record Unauthorized() implements GatewayResponse {
    public String type() { return "UNAUTHORIZED"; }
    public int statusCode() { return 401; }
    public String message() { return "Unauthorized"; }
    public String errorType() { return "UnauthorizedException"; }
  }

  /** A policy (authorizer or resource policy) denies the call; the default body says {@code "Message"}, as AWS's. */
  record AccessDenied(String message) implements GatewayResponse {
    public String type() { return "ACCESS_DENIED"; }
    public int statusCode() { return 403; }
    public String errorType() { return "AccessDeniedException"; }
  }

  /** A SigV4 signature that does not verify (bad signature, unknown key, clock skew, malformed header). */
  record InvalidSignature(String errorType, String message) implements GatewayResponse {
    public String type() { return "INVALID_SIGNATURE"; }
    public int statusCode() { return 403; }
  }

  /** The Lambda authorizer failed or answered no valid output: 500 with a null message, as AWS (fail closed). */
  record AuthorizerConfigurationError() implements GatewayResponse {
    public String type() { return "AUTHORIZER_CONFIGURATION_ERROR"; }
    public int statusCode() { return 500; }
    public String message() { return null; }
    public String errorType() { return "AuthorizerConfigurationException"; }
  }

  /** The authorizer could not be reached (timeout, no endpoint, signing keys unavailable): 500, fail closed. */
  record AuthorizerFailure() implements GatewayResponse {
    public String type() { return "AUTHORIZER_FAILURE"; }
    public int statusCode() { return 500; }
    public String message() { return null; }
    public String errorType() { return "AuthorizerFailureException"; }
  }

  /**
   * HTTP APIs: a JWT the authorizer refused (UNAUTHORIZED, 401); {@code challenge} is the
   * {@code www-authenticate} value AWS sends with it, naming the reason but never the token.
   */
  record InvalidToken(String challenge) implements GatewayResponse {
    public String type() { return "UNAUTHORIZED"; }
    public int statusCode() { return 401; }
    public String message() { return "Unauthorized"; }
    public String errorType() { return "UnauthorizedException"; }
  }

  /** HTTP APIs: a valid JWT without any of the route's scopes (ACCESS_DENIED, 403), with AWS's {@code www-authenticate}. */
  record InsufficientScope(String challenge) implements GatewayResponse {
    public String type() { return "ACCESS_DENIED"; }
    public int statusCode() { return 403; }
    public String message() { return "Forbidden"; }
    public String errorType() { return "AccessDeniedException"; }
  }

  /** Carries a gateway response through a failed future. No stack trace: it is a value, not a bug. */
  final class Failure extends RuntimeException {
    private final transient GatewayResponse response;

    Failure(GatewayResponse response) {
      super(response.type() + ": " + response.message(), null, false, false);
      this.response = response;
    }

    public GatewayResponse response() {
      return response;
    }
  }
}
