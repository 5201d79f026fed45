package dev.archway.websocket;

import dev.archway.auth.lambda.AuthorizerCache;
import dev.archway.auth.lambda.AuthorizerException;
import dev.archway.auth.lambda.LambdaAuthorizerResponse;
import dev.archway.auth.policy.Decision;
import dev.archway.auth.policy.PolicyRequest;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code $connect}, in AWS's order: the Lambda REQUEST authorizer (a missing identity source is 401
 * without a call; a policy that does not allow the {@code $connect} ARN is 403; an authorizer that
 * fails is 500), the route's throttle (429), then the integration, whose status decides: 2xx
 * accepts the connection, anything else refuses the handshake with that status.
 */
final class ConnectFlow {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectFlow.class);
  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** One handshake being decided. */
  record Handshake(WebSocketConnection connection, WebSocketStage stage, MultiMap headers,
      Map<String, List<String>> query, WebSocketEvents.Request request) {}

  /** A refused handshake: the status and message the client gets. */
  static final class Refusal extends RuntimeException {
    private final int status;

    Refusal(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    static Refusal error() {
      return new Refusal(500, "Internal server error");
    }

    int status() {
      return status;
    }
  }

  private final RouteCall calls;
  private final AuthorizerCache<LambdaAuthorizerResponse> decisions = new AuthorizerCache<>();

  ConnectFlow(RouteCall calls) {
    this.calls = calls;
  }

  static String requestTime(long epochMillis) {
    return CLF.format(Instant.ofEpochMilli(epochMillis));
  }

  /** Completes with what the authorizer said of the caller, or fails with a {@link Refusal}. */
  Future<WebSocketConnection.Authorized> run(Handshake h) {
    WebSocketRoute route = h.stage().connect();
    if (route == null) {
      return Future.succeededFuture(WebSocketConnection.Authorized.NONE);
    }
    Future<WebSocketConnection.Authorized> authorized = route.authorizer() == null
        ? Future.succeededFuture(WebSocketConnection.Authorized.NONE) : authorize(route.authorizer(), h);
    return authorized.compose(who -> {
      h.connection().authorized(who);
      if (route.throttle() != null && !route.throttle().tryAcquire()) {
        return Future.failedFuture(new Refusal(429, "Too Many Requests"));
      }
      if (route.integration() == null) {
        return Future.succeededFuture(who);
      }
      return calls.run(route.integration(), h.stage(), h.connection(), h.request(),
              WebSocketEvents.connect(h.connection(), h.stage(), h.request(), h.headers(), h.query()), "", null)
          .recover(e -> {
            LOG.warn("request {}: $connect of {} failed: {}", h.request().requestId(), h.connection(), e.getMessage());
            return Future.failedFuture(Refusal.error());
          })
          .compose(answer -> answer.statusCode() / 100 == 2 ? Future.succeededFuture(who)
              : Future.failedFuture(new Refusal(answer.statusCode(), answer.statusCode() == 403 ? "Forbidden" : "Error")));
    });
  }

  private Future<WebSocketConnection.Authorized> authorize(ConnectAuthorizer authorizer, Handshake h) {
    List<String> identity = new ArrayList<>();
    for (String source : authorizer.identitySources()) {
      String value = identityValue(source, h);
      if (value == null || value.isEmpty()) {
        return Future.failedFuture(new Refusal(401, "Unauthorized"));
      }
      identity.add(value);
    }
    WebSocketStage stage = h.stage();
    AuthorizerCache.Key key = identity.isEmpty() || authorizer.ttl().isZero() ? null
        : new AuthorizerCache.Key(stage.apiId(), stage.stageName(), stage.deploymentId(), authorizer.authorizerId(), identity);
    LambdaAuthorizerResponse cached = key == null ? null : decisions.get(key);
    Future<LambdaAuthorizerResponse> answer = cached != null ? Future.succeededFuture(cached)
        : authorizer.lambda().invoke(authorizer.function().function(stage.variables()), Buffer.buffer(
            WebSocketEvents.authorizer(h.connection(), stage, h.request(), authorizer.methodArn(), h.headers(), h.query())
                .toString()));
    return answer.recover(e -> {
      if (e instanceof AuthorizerException a && a.kind() == AuthorizerException.Kind.UNAUTHORIZED) {
        return Future.failedFuture(new Refusal(401, "Unauthorized"));
      }
      LOG.warn("request {}: authorizer of {} failed: {}", h.request().requestId(), h.connection(), e.getMessage());
      return Future.failedFuture(Refusal.error());
    }).compose(response -> {
      if (key != null && cached == null) {
        decisions.put(key, response, authorizer.ttl());
      }
      Decision decision = response.policy().evaluate(
          PolicyRequest.invoke(authorizer.methodArn(), h.connection().sourceIp(), null));
      return decision == Decision.ALLOW
          ? Future.succeededFuture(new WebSocketConnection.Authorized(response.principalId(), response.context()))
          : Future.failedFuture(new Refusal(403, "Forbidden"));
    });
  }

  private static String identityValue(String source, Handshake h) {
    if (source.startsWith("route.request.header.")) {
      return h.headers().get(source.substring("route.request.header.".length()));
    }
    if (source.startsWith("route.request.querystring.")) {
      List<String> values = h.query().get(source.substring("route.request.querystring.".length()));
      return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
    if (source.startsWith("stageVariables.")) {
      return h.stage().variables().get(source.substring("stageVariables.".length()));
    }
    if (source.equals("context.connectionId")) {
      return h.connection().connectionId();
    }
    return null;
  }
}
