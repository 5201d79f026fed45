package dev.archway.testing;

import dev.archway.model.DeployedApi;
import dev.archway.model.Integration;
import dev.archway.model.IntegrationResponse;
import dev.archway.model.Method;
import dev.archway.model.MethodResponse;
import dev.archway.model.Resource;
import dev.archway.model.RestApi;
import dev.archway.model.Stage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds AWS model records in code, as CreateDeployment would have frozen them. */
public final class RestFixtures {
  private RestFixtures() {}

  public static RestApi restApi(String id) {
    return new RestApi(id, "api " + id, null, 0L, null, null, null, null, "HEADER", null, null, null, false, "root");
  }

  public static Stage stage(String name, String deploymentId, Map<String, String> variables) {
    return new Stage(deploymentId, null, name, null, false, null, null, null, variables, null, null, null, false,
        null, null, 0L, 0L);
  }

  public static DeployedApi deployed(String apiId, String deploymentId, Resource... resources) {
    return new DeployedApi(deploymentId, restApi(apiId), List.of(resources));
  }

  public static Resource resource(String path, String httpMethod, Method method) {
    Map<String, Method> methods = new LinkedHashMap<>();
    methods.put(httpMethod, method);
    return new Resource("r" + Math.abs(path.hashCode()), "root", path.substring(path.lastIndexOf('/') + 1), path, methods);
  }

  public static Method method(Integration integration, String... methodResponseCodes) {
    Map<String, MethodResponse> responses = new LinkedHashMap<>();
    Arrays.stream(methodResponseCodes).forEach(code -> responses.put(code, new MethodResponse(code, null, null)));
    return new Method(null, "NONE", null, false, null, null, null, null, responses, integration, null);
  }

  public static Integration mock(String jsonTemplate, IntegrationResponse... responses) {
    Map<String, IntegrationResponse> byStatus = new LinkedHashMap<>();
    Arrays.stream(responses).forEach(r -> byStatus.put(r.statusCode(), r));
    return new Integration("MOCK", null, null, null, null, null, null,
        jsonTemplate == null ? null : Map.of("application/json", jsonTemplate), null, null, null, null, null, byStatus, null);
  }

  public static IntegrationResponse response(String status, String pattern, Map<String, String> headers, String jsonBody) {
    return new IntegrationResponse(status, pattern, headers, jsonBody == null ? null : Map.of("application/json", jsonBody), null);
  }

  public static Integration httpProxy(String httpMethod, String uri, Map<String, String> requestParameters, Integer timeoutMillis) {
    return new Integration("HTTP_PROXY", httpMethod, uri, "INTERNET", null, null, requestParameters, null, null, null,
        timeoutMillis, null, null, null, null);
  }
}
