package dev.archway.runtime;

/**
 * The method an access-control step guards, as the compiler knows it: the API's ARN (method ARNs
 * are built from it per request), the owning account, and the resource for REQUEST authorizer events.
 */
public record GuardedMethod(
    String apiArn, String accountId, String resourceId, String resourcePath, BinaryMediaTypes binaryMediaTypes) {

  LambdaProxyEvent.Route route() {
    return new LambdaProxyEvent.Route(accountId, resourceId, resourcePath, binaryMediaTypes);
  }
}
