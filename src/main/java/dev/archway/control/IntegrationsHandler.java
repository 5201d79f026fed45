package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.PatchOperation;
import dev.archway.control.wire.Patchable;
import dev.archway.control.wire.ServiceModel;
import dev.archway.integration.UriTemplate;
import dev.archway.model.Integration;
import dev.archway.model.Integration.TlsConfig;
import dev.archway.model.IntegrationResponse;
import dev.archway.model.Method;
import dev.archway.model.Resource;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** PutIntegration, GetIntegration, UpdateIntegration, DeleteIntegration and the same four for integration responses. */
final class IntegrationsHandler {
  private static final List<String> TYPES = ServiceModel.apigateway().values("IntegrationType");
  private static final Set<String> PASSTHROUGH = Set.of("WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER");
  private static final List<String> CONTENT_HANDLING = ServiceModel.apigateway().values("ContentHandlingStrategy");

  private final Store store;

  IntegrationsHandler(Store store) {
    this.store = store;
  }

  record PutRequest(
      String type, String httpMethod, String uri, String connectionType, String connectionId,
      String credentials, Map<String, String> requestParameters, Map<String, String> requestTemplates,
      String passthroughBehavior, String cacheNamespace, List<String> cacheKeyParameters,
      String contentHandling, Integer timeoutInMillis, TlsConfig tlsConfig) {}

  record PutResponseRequest(
      String selectionPattern, Map<String, String> responseParameters, Map<String, String> responseTemplates,
      String contentHandling) {}

  /**
   * The model has checked type, connectionType and contentHandling. As on AWS, a MOCK keeps no uri and
   * only HTTP integrations get connectionType INTERNET by default.
   */
  Object put(Call call) {
    PutRequest req = call.bodyAs(PutRequest.class);
    String resourceId = call.label("resource_id");
    boolean http = "HTTP".equals(req.type()) || "HTTP_PROXY".equals(req.type());
    Integration integration = validate(new Integration(req.type(), req.httpMethod(), "MOCK".equals(req.type()) ? null : req.uri(),
        req.connectionType() == null && http ? "INTERNET" : req.connectionType(), req.connectionId(), req.credentials(),
        req.requestParameters(), req.requestTemplates(),
        req.passthroughBehavior() == null ? "WHEN_NO_MATCH" : req.passthroughBehavior(), req.contentHandling(),
        req.timeoutInMillis() == null ? 29000 : req.timeoutInMillis(),
        req.cacheNamespace() == null ? resourceId : req.cacheNamespace(),
        req.cacheKeyParameters() == null ? List.of() : req.cacheKeyParameters(), null, req.tlsConfig()));
    Integration put = edit(call, current -> integration.withResponses(current == null ? null : current.integrationResponses()));
    ignored(call).tls(req.tlsConfig() != null && Boolean.TRUE.equals(req.tlsConfig().insecureSkipVerification())).warn();
    return put;
  }

  Object get(Call call) {
    Resource resource = store.read(docs -> Drafts.resource(docs, call.caller(), call.label("restapi_id"), call.label("resource_id")));
    return integration(Drafts.method(resource, MethodsHandler.httpMethod(call)));
  }

  Object update(Call call) {
    Integration updated = edit(call, current -> {
      Integration present = require(current);
      return validate(Drafts.patch(present, call, Patchable.INTEGRATION, Integration.class)
          .withResponses(present.integrationResponses()));
    });
    ignored(call).integrationPatch(PatchOperation.listFrom(call.body())).warn();
    return updated;
  }

  private static Unserved.Ignored ignored(Call call) {
    return new Unserved.Ignored("integration of " + MethodsHandler.httpMethod(call) + " on resource "
        + call.label("resource_id") + " of REST API " + call.label("restapi_id"));
  }

  Object delete(Call call) {
    edit(call, current -> {
      require(current);
      return null;
    });
    return null;
  }

  Object putResponse(Call call) {
    String status = MethodsHandler.statusCode(call);
    PutResponseRequest req = call.bodyAs(PutResponseRequest.class);
    IntegrationResponse response = validate(new IntegrationResponse(status, req.selectionPattern(),
        req.responseParameters(), req.responseTemplates(), req.contentHandling()));
    edit(call, current -> require(current).withResponse(status, response));
    return response;
  }

  Object getResponse(Call call) {
    Resource resource = store.read(docs -> Drafts.resource(docs, call.caller(), call.label("restapi_id"), call.label("resource_id")));
    return response(integration(Drafts.method(resource, MethodsHandler.httpMethod(call))), MethodsHandler.statusCode(call));
  }

  Object updateResponse(Call call) {
    String status = MethodsHandler.statusCode(call);
    Integration updated = edit(call, current -> {
      IntegrationResponse patched = Drafts.patch(response(require(current), status), call,
          Patchable.INTEGRATION_RESPONSE, IntegrationResponse.class);
      return current.withResponse(status, validate(new IntegrationResponse(status, patched.selectionPattern(),
          patched.responseParameters(), patched.responseTemplates(), patched.contentHandling())));
    });
    return updated.integrationResponses().get(status);
  }

  Object deleteResponse(Call call) {
    String status = MethodsHandler.statusCode(call);
    edit(call, current -> {
      response(require(current), status);
      return current.withResponse(status, null);
    });
    return null;
  }

  /** Read-modify-write of a method's integration; {@code change} maps the current one (maybe null) to the new one (null removes). */
  private Integration edit(Call call, UnaryOperator<Integration> change) {
    String apiId = call.label("restapi_id");
    String httpMethod = MethodsHandler.httpMethod(call);
    return store.write(docs -> {
      Resource resource = Drafts.resource(docs, call.caller(), apiId, call.label("resource_id"));
      Method method = Drafts.method(resource, httpMethod);
      Integration updated = change.apply(method.methodIntegration());
      docs.put(Kind.RESOURCE, apiId, resource.id(), resource.withMethod(httpMethod, method.withIntegration(updated)));
      return updated;
    });
  }

  private static Integration integration(Method method) {
    return require(method.methodIntegration());
  }

  private static Integration require(Integration integration) {
    if (integration == null) {
      throw ApiException.notFound("No integration defined for method");
    }
    return integration;
  }

  private static IntegrationResponse response(Integration integration, String status) {
    IntegrationResponse response = integration.integrationResponses() == null ? null : integration.integrationResponses().get(status);
    if (response == null) {
      throw ApiException.notFound("Invalid Response status code specified");
    }
    return response;
  }

  private static Integration validate(Integration i) {
    if (i.type() == null || !TYPES.contains(i.type())) {
      throw ApiException.badRequest("Invalid integration type specified: " + i.type() + " (expected: one of " + TYPES + ")");
    }
    if (!"MOCK".equals(i.type())) {
      if (i.httpMethod() == null || !MethodsHandler.HTTP_METHODS.contains(i.httpMethod())) {
        throw ApiException.badRequest("Enumeration value for HttpMethod must be non-empty");
      }
    }
    if (i.type().startsWith("AWS")) {
      checkAwsUri(i.type(), i.uri() == null ? "" : i.uri());
    } else if (i.type().startsWith("HTTP")) {
      if (i.uri() == null || i.uri().isBlank()) {
        throw ApiException.badRequest("Invalid integration URI specified");
      }
      if (!i.uri().matches("(?i)https?://.+")) {
        throw ApiException.badRequest("Invalid HTTP endpoint specified for URI");
      }
      if (UriTemplate.hasUserInfo(i.uri())) {
        throw ApiException.badRequest("Invalid HTTP endpoint specified for URI: user information (user:password@) is not"
            + " supported; send credentials in a header mapping");
      }
    }
    if (i.timeoutInMillis() < 50 || i.timeoutInMillis() > 29000) {
      throw ApiException.badRequest("Timeout should be between 50 ms and 29000 ms");
    }
    if (!PASSTHROUGH.contains(i.passthroughBehavior())) {
      throw ApiException.badRequest("Invalid passthrough behavior specified: " + i.passthroughBehavior()
          + " (expected: WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER)");
    }
    checkContentHandling(i.contentHandling());
    MappingChecks.templates(i.requestTemplates());
    if (!"AWS_PROXY".equals(i.type())) {
      MappingChecks.requestParameters(i.requestParameters());
    }
    return i;
  }

  /** arn:aws:apigateway:{region}:{service}:path/... or :action/...; AWS_PROXY only to Lambda's Invoke API. */
  private static void checkAwsUri(String type, String uri) {
    String[] arn = uri.split(":", 6);
    if (arn.length < 6 || !arn[0].equals("arn")) {
      throw ApiException.badRequest("Invalid ARN specified in the request");
    }
    String service = arn[4];
    String resource = arn[5];
    if (!resource.startsWith("path") && !resource.startsWith("action")) {
      throw ApiException.badRequest("AWS ARN for integration must contain path or action");
    }
    if ("AWS_PROXY".equals(type) && (!service.equals("lambda") || !resource.startsWith("path/2015-03-31/functions/"))) {
      throw ApiException.badRequest(
          "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.");
    }
  }

  private static IntegrationResponse validate(IntegrationResponse r) {
    if (r.selectionPattern() != null) {
      try {
        Pattern.compile(r.selectionPattern());
      } catch (PatternSyntaxException e) {
        throw ApiException.badRequest("Invalid selection pattern specified: " + r.selectionPattern());
      }
    }
    checkContentHandling(r.contentHandling());
    MappingChecks.templates(r.responseTemplates());
    MappingChecks.responseParameters(r.responseParameters());
    return r;
  }

  private static void checkContentHandling(String contentHandling) {
    if (contentHandling != null && !CONTENT_HANDLING.contains(contentHandling)) {
      throw ApiException.badRequest("Invalid content handling specified: " + contentHandling
          + " (expected: one of " + CONTENT_HANDLING + ")");
    }
  }
}
