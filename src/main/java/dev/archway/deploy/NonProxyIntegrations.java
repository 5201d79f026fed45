package dev.archway.deploy;

import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.UriTemplate;
import dev.archway.model.Integration;
import dev.archway.model.Method;
import dev.archway.runtime.HttpIntegrationStep;
import dev.archway.runtime.IntegrationRequestBody;
import dev.archway.runtime.IntegrationResponseStep;
import dev.archway.runtime.MockIntegrationStep;
import dev.archway.runtime.Step;
import java.util.List;

/** Compiles MOCK and HTTP (non-proxy) integrations: request template, mappings, backend call, integration responses. */
final class NonProxyIntegrations {
  private final HttpProxyIntegration http;

  NonProxyIntegrations(HttpProxyIntegration http) {
    this.http = http;
  }

  static IntegrationRequestBody requestBody(Integration integration, MappingContext mapping) {
    return new IntegrationRequestBody(integration.requestTemplates(), integration.passthroughBehavior(),
        integration.contentHandling(), mapping.binaryMediaTypes(), mapping.templates(), UnmappableHeaders.names(integration));
  }

  List<Step> mock(Method method, Integration integration, MappingContext mapping) {
    return List.of(new MockIntegrationStep(requestBody(integration, mapping)),
        IntegrationResponses.compile(method, integration, IntegrationResponseStep.Selection.STATUS_CODE, mapping));
  }

  List<Step> http(Method method, Integration integration, MappingContext mapping, long timeoutMillis) {
    String httpMethod = integration.httpMethod();
    if (httpMethod == null || !DeploymentCompiler.isMethod(httpMethod)) {
      throw new IllegalArgumentException("integration httpMethod: " + httpMethod + " (expected: GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY)");
    }
    RequestMappings mappings = RequestMappings.of(integration, mapping);
    return List.of(new HttpIntegrationStep(http, httpMethod, UriTemplate.parse(integration.uri()), mappings.compiled(),
            requestBody(integration, mapping), timeoutMillis),
        IntegrationResponses.compile(method, integration, IntegrationResponseStep.Selection.STATUS_CODE, mapping));
  }
}
