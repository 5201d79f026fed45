package dev.archway.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.auth.Credential;
import dev.archway.auth.SigV4Verifier;
import dev.archway.control.Caller;
import dev.archway.store.StoreException;
import dev.archway.control.CallerAuthenticator;
import dev.archway.control.wire.ApiException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where CloudWatch and CloudWatch Logs requests come in on the management listener, beside the
 * apigateway API: one endpoint URL serves all, and the request says what it is, as on AWS's front
 * ends: {@code X-Amz-Target: Prefix.Op} (awsJson), {@code smithy-protocol: rpc-v2-cbor} with
 * {@code POST /service/Prefix/operation/Op}, or a form body with {@code Action} (awsquery). The
 * SigV4 scope must name the service's signing name. Decoding, the operation and encoding run on a
 * worker thread.
 */
public final class AwsServicesEndpoint {
  private static final Logger log = LoggerFactory.getLogger(AwsServicesEndpoint.class);
  private static final String CBOR_PATH = "/service/";
  /** As the apigateway side: far above what any operation here accepts (1 MB batches), far below a flood. */
  private static final long MAX_BODY_BYTES = 6L * 1024 * 1024;

  private final Vertx vertx;
  private final List<AwsService> services;
  private final Map<String, CallerAuthenticator> authenticators;
  private final Map<String, InputValidator> validators;

  public AwsServicesEndpoint(Vertx vertx, Map<String, Credential> credentials, Clock clock, String accountId,
      String region, List<AwsService> services) {
    this.vertx = vertx;
    this.services = List.copyOf(services);
    this.authenticators = Map.copyOf(services.stream().collect(java.util.stream.Collectors.toMap(AwsService::signingName,
        s -> new CallerAuthenticator(new SigV4Verifier(credentials, clock, s.signingName()), accountId, region))));
    this.validators = Map.copyOf(services.stream().collect(java.util.stream.Collectors.toMap(AwsService::signingName,
        s -> new InputValidator(s.model()))));
  }

  /**
   * Mounts the services' routes ahead of the listener's body handler: these bodies are read here
   * (a query form is decoded on a worker, never by the event loop's form decoder), and anything
   * that is not theirs goes on, untouched, to the apigateway routes.
   */
  public void mount(Router router) {
    router.post("/").order(-2).handler(this::handle);
    router.post(CBOR_PATH + "*").order(-1).handler(this::handle);
  }

  /** What a request is: the service, the protocol and, unless it is in a query form, the operation. */
  private record Target(AwsService service, Protocol protocol, String operation) {}

  private void handle(RoutingContext ctx) {
    Target target = target(ctx.request());
    if (target == null) {
      ctx.next();
      return;
    }
    String requestId = UUID.randomUUID().toString();
    HttpServerRequest request = ctx.request();
    String length = request.getHeader("Content-Length");
    if (length != null && length.length() < 19 && length.chars().allMatch(Character::isDigit) && Long.parseLong(length) > MAX_BODY_BYTES) {
      tooLarge(ctx, target, requestId);
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] refused = new boolean[1];
    request.handler(chunk -> {
      if (refused[0]) {
        return;
      }
      if (body.length() + chunk.length() > MAX_BODY_BYTES) {
        refused[0] = true;
        tooLarge(ctx, target, requestId);
        return;
      }
      body.appendBuffer(chunk);
    });
    request.exceptionHandler(error -> refused[0] = true);
    request.endHandler(v -> {
      if (refused[0]) {
        return;
      }
      vertx.executeBlocking(() -> run(target, request, body.getBytes(), requestId), false)
          .onSuccess(answer -> write(ctx, answer))
          .onFailure(error -> {
            log.error("{} request failed", target.service().signingName(), error);
            ctx.response().setStatusCode(500).end();
          });
    });
    request.resume();
  }

  private static void tooLarge(RoutingContext ctx, Target target, String requestId) {
    ServiceModel model = target.service().model();
    AwsServiceException error = new AwsServiceException(413, "RequestEntityTooLarge",
        "Request body larger than " + MAX_BODY_BYTES + " bytes");
    write(ctx, target.protocol().error(model, error, requestId));
  }

  private Target target(HttpServerRequest request) {
    String amzTarget = request.getHeader("X-Amz-Target");
    if (amzTarget != null && request.path().equals("/")) {
      int dot = amzTarget.indexOf('.');
      AwsService service = dot < 0 ? null : byPrefix(amzTarget.substring(0, dot));
      return service == null ? null
          : new Target(service, new JsonProtocol(service.model().metadata("jsonVersion")), amzTarget.substring(dot + 1));
    }
    String path = request.path();
    if (path.startsWith(CBOR_PATH) && "rpc-v2-cbor".equals(request.getHeader("smithy-protocol"))) {
      String[] parts = path.substring(CBOR_PATH.length()).split("/", -1);
      AwsService service = parts.length == 3 && parts[1].equals("operation") ? byPrefix(parts[0]) : null;
      return service == null ? null : new Target(service, new CborProtocol(), parts[2]);
    }
    String contentType = request.getHeader("Content-Type");
    if (path.equals("/") && contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      AwsService service = services.stream().filter(s -> s.model().speaks("query")).findFirst().orElse(null);
      return service == null ? null : new Target(service, new QueryProtocol(), null);
    }
    return null;
  }

  private AwsService byPrefix(String prefix) {
    return services.stream().filter(s -> prefix.equals(s.targetPrefix())).findFirst().orElse(null);
  }

  private WireAnswer run(Target target, HttpServerRequest request, byte[] body, String requestId) {
    AwsService service = target.service();
    ServiceModel model = service.model();
    Protocol protocol = target.protocol();
    try {
      // The signature covers the body as sent; the operation reads it decompressed.
      Caller caller = authenticate(service, request, body);
      byte[] payload = RequestBodies.decoded(request.getHeader("Content-Encoding"), body, MAX_BODY_BYTES);
      String operation = target.operation() != null ? target.operation() : queryAction(model, payload);
      Operation handler = service.operations().get(operation);
      if (handler == null || !model.hasOperation(operation)) {
        throw AwsServiceException.badRequest("UnknownOperationException",
            "Could not find operation " + operation + " for version " + model.metadata("apiVersion"));
      }
      JsonNode input = protocol.read(model, operation, payload);
      String inputShape = model.input(operation);
      if (inputShape != null) {
        List<InputValidator.Violation> violations = validators.get(service.signingName()).check(inputShape, input);
        if (!violations.isEmpty()) {
          throw service.refusal().apply(violations);
        }
      }
      return protocol.answer(model, operation, handler.handle(caller, input), requestId);
    } catch (AwsServiceException e) {
      return protocol.error(model, e, requestId);
    } catch (RuntimeException e) {
      if (StoreException.unavailable(e)) {
        // CloudWatch Logs models the 503; CloudWatch answers AWS's common ServiceUnavailable.
        return protocol.error(model, new AwsServiceException(503,
            service.signingName().equals("logs") ? "ServiceUnavailableException" : "ServiceUnavailable",
            "The configuration store is unreachable; nothing was changed. Retry later."), requestId);
      }
      log.error("{} request {} failed", service.signingName(), requestId, e);
      return protocol.error(model, new AwsServiceException(500, "InternalFailure",
          "The request processing has failed because of an unknown error, exception or failure."), requestId);
    }
  }

  private Caller authenticate(AwsService service, HttpServerRequest request, byte[] body) {
    try {
      return authenticators.get(service.signingName()).authenticate(request, body);
    } catch (ApiException e) {
      throw new AwsServiceException(e.status(), e.errorType(), e.getMessage());
    }
  }

  private static String queryAction(ServiceModel model, byte[] body) {
    Map<String, List<String>> params = QueryProtocol.parameters(body);
    List<String> action = params.get("Action");
    if (action == null || action.get(0).isBlank()) {
      throw AwsServiceException.badRequest("MissingAction", "Could not find operation with a null Action");
    }
    List<String> version = params.get("Version");
    if (version == null || !version.get(0).equals(model.metadata("apiVersion"))) {
      throw AwsServiceException.badRequest("InvalidAction", "Could not find operation " + action.get(0) + " for version "
          + (version == null ? "NO_VERSION_SPECIFIED" : version.get(0)));
    }
    return action.get(0);
  }

  private static void write(RoutingContext ctx, WireAnswer answer) {
    if (ctx.response().ended()) {
      return;
    }
    var response = ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", answer.contentType());
    answer.headers().forEach(response::putHeader);
    response.end(Buffer.buffer(answer.body()));
  }
}
