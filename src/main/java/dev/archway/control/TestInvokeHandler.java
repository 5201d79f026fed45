package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.deploy.CompileException;
import dev.archway.deploy.DeploymentCompiler;
import dev.archway.model.DeployedApi;
import dev.archway.model.Method;
import dev.archway.model.Resource;
import dev.archway.model.RestApi;
import dev.archway.model.Stage;
import dev.archway.runtime.CompiledRoute;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.TestInvocation;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TestInvokeMethod: compiles the draft method (not a deployment) with the real compiler and runs
 * its real pipeline for one simulated request, answering status, body, headers and AWS's execution log.
 * As on AWS, a test invocation is the API owner's call: it skips the method's authorization (authorizer,
 * IAM), the resource policy and the API key requirement, and so the usage plan's throttle and quota.
 */
final class TestInvokeHandler {
  private static final String STAGE = "test-invoke-stage";

  private final Vertx vertx;
  private final Store store;
  private final DeploymentCompiler compiler;

  TestInvokeHandler(Vertx vertx, Store store, DeploymentCompiler compiler) {
    this.vertx = vertx;
    this.store = store;
    this.compiler = compiler;
  }

  record Request(String pathWithQueryString, String body, Map<String, String> headers,
      Map<String, List<String>> multiValueHeaders, String clientCertificateId, Map<String, String> stageVariables) {}

  /** Runs on a worker (reads the store); the invocation itself completes later on an event loop. */
  Object invoke(Call call) {
    Request req = call.bodyAs(Request.class);
    String apiId = call.label("restapi_id");
    String httpMethod = MethodsHandler.httpMethod(call);
    if (compiler == null) {
      throw new ApiException(500, "InternalFailure", "TestInvokeMethod is not available on this server");
    }
    DeployedApi draft = store.read(docs -> {
      RestApi api = Drafts.api(docs, call.caller(), apiId);
      Resource resource = Drafts.resource(docs, call.caller(), apiId, call.label("resource_id"));
      Method method = Drafts.method(resource, httpMethod);
      Map<String, Method> only = new LinkedHashMap<>();
      only.put(httpMethod, unguarded(method));
      Resource single = new Resource(resource.id(), resource.parentId(), resource.pathPart(), resource.path(), only);
      return new DeployedApi("test-invoke", api.withPolicy(null), List.of(single), docs.list(Kind.AUTHORIZER, apiId),
          docs.list(Kind.MODEL, apiId), docs.list(Kind.REQUEST_VALIDATOR, apiId), docs.list(Kind.GATEWAY_RESPONSE, apiId));
    });
    Resource resource = draft.resources().get(0);
    Stage stage = new Stage("test-invoke", req.clientCertificateId(), STAGE, null, false, null, null, null,
        req.stageVariables() == null ? Map.of() : req.stageVariables(), null, null, null, false, null, null, 0L, 0L);
    CompiledStage compiled;
    try {
      compiled = compiler.compile(apiId, stage, draft);
    } catch (CompileException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    var match = compiled.routes().match(httpMethod, literalPath(resource.path()));
    if (match == null) {
      throw ApiException.badRequest("Invalid Method identifier specified");
    }
    CompiledRoute route = match.target();
    Context context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
    Future<TestInvocation.Result> result = TestInvocation.run(context, compiled, httpMethod,
        req.pathWithQueryString() == null ? resource.path() : req.pathWithQueryString(), headers(req), req.body(), route);
    return result;
  }

  /** The method as a test invocation runs it: no authorization and no API key. */
  private static Method unguarded(Method method) {
    return new Method(method.httpMethod(), "NONE", null, false, method.requestValidatorId(), method.operationName(),
        method.requestParameters(), method.requestModels(), method.methodResponses(), method.methodIntegration(), null);
  }

  /** A concrete path the resource's template matches, to find its compiled route ({x} becomes x, {p+} becomes p). */
  private static String literalPath(String template) {
    return template.replaceAll("\\{([^}+]+)\\+?}", "$1");
  }

  private static MultiMap headers(Request req) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (req.multiValueHeaders() != null) {
      req.multiValueHeaders().forEach((name, values) -> headers.add(name, values));
    }
    if (req.headers() != null) {
      req.headers().forEach(headers::set);
    }
    return headers;
  }
}
