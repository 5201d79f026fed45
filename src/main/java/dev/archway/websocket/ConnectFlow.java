package dev.archway.websocket;

import dev.archway.auth.SignatureException;
import dev.archway.auth.SignedRequest;
import dev.archway.auth.lambda.AuthorizerCache;
import dev.archway.auth.lambda.AuthorizerException;
import dev.archway.auth.lambda.LambdaAuthorizerResponse;
import dev.archway.auth.policy.Decision;
import dev.archway.auth.policy.PolicyRequest;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code $connect}, in AWS's order: authorization (the Lambda REQUEST authorizer: a missing identity
 * source is 401 without a call, a policy that does not allow the {@code $connect} ARN is 403, an
 * authorizer that fails is 500; or AWS_IAM: a SigV4 signature for {@code execute-api} in the
 * handshake's headers, else 403), the API key the handshake presents, the route's required request
 * parameters (400), its API key, throttles and quota ({@link RouteAdmission}), then the integration,
 * whose status decides: 2xx accepts the connection, anything else refuses the handshake with it.
 */
final class ConnectFlow {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectFlow.class);

  /** One handshake being decided; {@code rawPath} and {@code rawQuery} as sent, for a signature. */
  record Handshake(WebSocketConnection connection, WebSocketStage stage, MultiMap headers,
      Map<String, List<String>> query, WebSocketEvents.Request request, String rawPath, String rawQuery) {}

  private final RouteCall calls;

  ConnectFlow(RouteCall calls) {
    this.calls = calls;
  }

  /** Completes when the connection is accepted (what it established is on the connection), or fails with a {@link Refusal}. */
  Future<Void> run(Handshake h) {
    WebSocketRoute route = h.stage().connect();
    if (route == null) {
      h.connection().apiKey(WebSocketConnection.ApiKey.of(h.headers().get("x-api-key")));
      return Future.succeededFuture();
    }
    Future<Void> authorized;
    if (route.authorizer() != null) {
      authorized = authorize(route.authorizer(), h).map(who -> {
        h.connection().authorized(who);
        return null;
      });
    } else if (route.iam() != null) {
      authorized = verify(route, h);
    } else {
      authorized = Future.succeededFuture();
    }
    return authorized.compose(ignored -> {
      WebSocketConnection c = h.connection();
      c.apiKey(WebSocketConnection.ApiKey.of(WebSocketStage.AUTHORIZER_KEY.equals(h.stage().apiKeySelection())
          ? c.authorized().usageIdentifierKey() : h.headers().get("x-api-key")));
      RouteEvent event = new RouteEvent(h.stage(), c, h.request(), "", null, h.headers(), h.query());
      List<String> missing = missing(route, event);
      if (!missing.isEmpty()) {
        return Future.failedFuture(new Refusal(400, "Missing required request parameters: [" + String.join(", ", missing) + "]",
            "BAD_REQUEST_PARAMETERS"));
      }
      return RouteAdmission.admit(route, h.stage(), c).compose(key -> {
        event.apiKey(key);
        if (route.integration() == null) {
          return Future.succeededFuture();
        }
        return calls.run(route.integration(), event,
                () -> WebSocketEvents.connect(c, h.stage(), h.request(), h.headers(), h.query()))
            .compose(answer -> answer.statusCode() / 100 == 2 ? Future.<Void>succeededFuture()
                : Future.failedFuture(new Refusal(answer.statusCode(), answer.statusCode() == 403 ? "Forbidden" : "Error", null)));
      });
    });
  }

  /** AWS_IAM: the handshake must be signed for {@code execute-api} as a REST method's request would be. */
  private static Future<Void> verify(WebSocketRoute route, Handshake h) {
    SignedRequest signed = new SignedRequest("GET", h.rawPath(), h.rawQuery(), new ArrayList<>(h.headers().entries()), null);
    try {
      h.connection().caller(route.iam().verify(signed));
      return Future.succeededFuture();
    } catch (SignatureException e) {
      return Future.failedFuture(new Refusal(e.status(), e.getMessage(),
          e.errorType().equals("MissingAuthenticationTokenException") ? "MISSING_AUTHENTICATION_TOKEN" : "INVALID_SIGNATURE",
          e.errorType()));
    }
  }

  private static List<String> missing(WebSocketRoute route, RouteEvent event) {
    List<String> missing = new ArrayList<>();
    for (String parameter : route.requiredParameters()) {
      String value = parameter.startsWith("route.request.header.")
          ? event.header(parameter.substring("route.request.header.".length()))
          : event.queryParameter(parameter.substring("route.request.querystring.".length()));
      if (value == null || value.isBlank()) {
        missing.add(parameter);
      }
    }
    return missing;
  }

  private Future<WebSocketConnection.Authorized> authorize(ConnectAuthorizer authorizer, Handshake h) {
    List<String> identity = new ArrayList<>();
    for (String source : authorizer.identitySources()) {
      String value = identityValue(source, h);
      if (value == null || value.isEmpty()) {
        return Future.failedFuture(Refusal.unauthorized());
      }
      identity.add(value);
    }
    WebSocketStage stage = h.stage();
    AuthorizerCache.Key key = identity.isEmpty() || authorizer.ttl().isZero() ? null
        : new AuthorizerCache.Key(stage.apiId(), stage.stageName(), stage.deploymentId(), authorizer.authorizerId(), identity);
    Future<LambdaAuthorizerResponse> cached = key == null ? Future.succeededFuture() : authorizer.cache().get(key);
    return cached.compose(hit -> hit != null ? Future.succeededFuture(hit) : call(authorizer, h, key))
        .compose(response -> {
          Decision decision = response.policy().evaluate(
              PolicyRequest.invoke(authorizer.methodArn(), h.connection().sourceIp(), null));
          return decision == Decision.ALLOW
              ? Future.succeededFuture(new WebSocketConnection.Authorized(response.principalId(), response.context(),
                  response.usageIdentifierKey()))
              : Future.failedFuture(Refusal.accessDenied());
        });
  }

  /** Calls the authorizer and keeps its answer under {@code key} (null: not cached). */
  private static Future<LambdaAuthorizerResponse> call(ConnectAuthorizer authorizer, Handshake h, AuthorizerCache.Key key) {
    WebSocketStage stage = h.stage();
    long started = System.nanoTime();
    Future<LambdaAuthorizerResponse> answer = authorizer.lambda().invoke(authorizer.function().function(stage.variables()),
        Buffer.buffer(WebSocketEvents.authorizer(h.connection(), stage, h.request(), authorizer.methodArn(), h.headers(),
            h.query()).toString())).andThen(ar -> h.request().log().authorizerLatency(System.nanoTime() - started));
    return answer.recover(e -> {
      if (e instanceof AuthorizerException a && a.kind() == AuthorizerException.Kind.UNAUTHORIZED) {
        return Future.failedFuture(Refusal.unauthorized());
      }
      LOG.warn("request {}: authorizer of {} failed: {}", h.request().requestId(), h.connection(), e.getMessage());
      return Future.failedFuture(new Refusal(500, "Internal server error", "AUTHORIZER_FAILURE"));
    }).onSuccess(response -> {
      if (key != null) {
        authorizer.cache().put(key, response, authorizer.ttl());
      }
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
