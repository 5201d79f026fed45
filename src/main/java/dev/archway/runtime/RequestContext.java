package dev.archway.runtime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every {@code $context} value AWS derives from the request itself, computed once when the
 * request's head arrives (the front door routes it first, so the resource is known) and read by
 * everything that shows them: mapping templates, gateway-response templates, parameter mappings,
 * Lambda events (payload 1.0 and 2.0) and authorizer events. What steps learn later (the
 * authorizer's principal, the caller, the API key) stays on the {@link Exchange}.
 *
 * @param requestId {@code $context.requestId}
 * @param extendedRequestId {@code $context.extendedRequestId}, also the REST answer's {@code x-amz-apigw-id}
 * @param requestTimeEpoch {@code $context.requestTimeEpoch}, milliseconds
 * @param apiId the API, or null when the URL named none
 * @param stage the stage, or null when none was found
 * @param domainName {@code $context.domainName}: "the same as the incoming Host header" (AWS), port included
 * @param path {@code $context.path}: the path as the client sent it after the API's prefix, stage
 *     included ({@code /dev/pets}); never percent-decoded, a leading {@code //} collapsed
 * @param resourcePath the matched resource ({@code /pets/{id}}) or HTTP API route path; null before routing
 * @param resourceId the REST resource's id, or null
 * @param routeKey an HTTP API's {@code $context.routeKey} ({@code GET /pets/{id}}, {@code $default}); null for
 *     REST APIs and before routing
 * @param protocol {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param sourceIp {@code $context.identity.sourceIp}
 * @param userAgent {@code $context.identity.userAgent}
 * @param traceId the {@code X-Amzn-Trace-Id} passed on to backends and Lambda functions
 * @param port the listener port the client connected to ({@code X-Forwarded-Port}), or 0 when there was none
 * @param isCanaryRequest {@code $context.isCanaryRequest}: whether the stage's canary serves the request
 *     (metrics count canary requests under the stage name {@code {stage}/Canary}); null when the stage has no canary
 * @param customDomain whether a custom domain name's API mapping routed the request: {@code path} is then the
 *     path as sent (base path included, no stage), and {@code domainPrefix} the domain's first label
 */
public record RequestContext(
    String requestId, String extendedRequestId, long requestTimeEpoch, String apiId, String stage, String deploymentId,
    String domainName, String path, String resourcePath, String resourceId, String routeKey, String httpMethod,
    String protocol, String sourceIp, String userAgent, String traceId, int port, Boolean isCanaryRequest,
    boolean customDomain) {

  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private record Second(long epochSecond, String text) {}

  /** The last second formatted: requests of the same second share the text. */
  private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

  /** A request not routed by a custom domain name. */
  public RequestContext(String requestId, String extendedRequestId, long requestTimeEpoch, String apiId, String stage,
      String deploymentId, String domainName, String path, String resourcePath, String resourceId, String routeKey,
      String httpMethod, String protocol, String sourceIp, String userAgent, String traceId, int port,
      Boolean isCanaryRequest) {
    this(requestId, extendedRequestId, requestTimeEpoch, apiId, stage, deploymentId, domainName, path, resourcePath,
        resourceId, routeKey, httpMethod, protocol, sourceIp, userAgent, traceId, port, isCanaryRequest, false);
  }

  /** A request not routed by a custom domain name just arrived (see below). */
  public static RequestContext arrived(String apiId, String stage, String deploymentId, String domainName, String path,
      String resourcePath, String resourceId, String routeKey, String httpMethod, String protocol, String sourceIp,
      String userAgent, String clientTraceId, int port, Boolean isCanaryRequest) {
    return arrived(apiId, stage, deploymentId, domainName, path, resourcePath, resourceId, routeKey, httpMethod,
        protocol, sourceIp, userAgent, clientTraceId, port, isCanaryRequest, false);
  }

  /**
   * A request just arrived: its ids and time are drawn now.
   *
   * @param clientTraceId the client's {@code X-Amzn-Trace-Id}, or null
   */
  public static RequestContext arrived(String apiId, String stage, String deploymentId, String domainName, String path,
      String resourcePath, String resourceId, String routeKey, String httpMethod, String protocol, String sourceIp,
      String userAgent, String clientTraceId, int port, Boolean isCanaryRequest, boolean customDomain) {
    long now = System.currentTimeMillis();
    return new RequestContext(RequestIds.next(), RequestIds.extended(), now, apiId, stage, deploymentId, domainName,
        path, resourcePath, resourceId, routeKey, httpMethod, protocol, sourceIp, userAgent,
        RequestIds.trace(clientTraceId, now), port, isCanaryRequest, customDomain);
  }

  /** The same request known by another id (TestInvokeMethod reports the one it made). */
  public RequestContext withRequestId(String id) {
    return new RequestContext(id, extendedRequestId, requestTimeEpoch, apiId, stage, deploymentId, domainName, path,
        resourcePath, resourceId, routeKey, httpMethod, protocol, sourceIp, userAgent, traceId, port, isCanaryRequest,
        customDomain);
  }

  /** {@code $context.domainPrefix}: the first label of the host name, the API id on its {@code execute-api} host. */
  public String domainPrefix() {
    if (!customDomain || domainName == null) {
      return apiId;
    }
    int dot = domainName.indexOf('.');
    int colon = domainName.indexOf(':');
    int end = dot >= 0 ? dot : colon >= 0 ? colon : domainName.length();
    return domainName.substring(0, end);
  }

  /** {@code $context.requestTime} in the common log format ({@code 03/Dec/2026:10:20:30 +0000}). */
  public String requestTime() {
    return requestTime(requestTimeEpoch);
  }

  /** Any moment in {@code $context.requestTime}'s format; moments of the same second share one text. */
  public static String requestTime(long epochMillis) {
    long epochSecond = Math.floorDiv(epochMillis, 1000);
    Second second = lastSecond;
    if (second.epochSecond() != epochSecond) {
      second = new Second(epochSecond, CLF.format(Instant.ofEpochSecond(epochSecond)));
      lastSecond = second;
    }
    return second.text();
  }
}
