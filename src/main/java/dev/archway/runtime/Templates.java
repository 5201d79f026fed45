package dev.archway.runtime;

import dev.archway.auth.AuthorizerResult;
import dev.archway.auth.Principal;
import dev.archway.mapping.ContextVariables;
import dev.archway.mapping.MappingTemplate;
import dev.archway.mapping.TemplateException;
import dev.archway.mapping.TemplateInput;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs mapping templates for a request: builds what {@code $input}, {@code $context} and
 * {@code $stageVariables} read from the {@link Exchange}, renders through the {@link TemplateRunner}
 * (off the event loop) and carries the template overrides from one template to the next.
 */
public final class Templates {

  private Templates() {}

  /** Compiles at deploy time. @throws IllegalArgumentException naming what is wrong */
  public static MappingTemplate compile(String what, String source) {
    try {
      return MappingTemplate.compile(source);
    } catch (TemplateException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
  }

  /**
   * Renders {@code template} over {@code payload} and keeps its overrides on the exchange.
   *
   * @return the output, or a {@link GatewayResponse.Failure} (500) when the template fails or breaks a budget, as on AWS
   */
  static Future<String> render(TemplateRunner runner, MappingTemplate template, Exchange exchange, String payload) {
    TemplateInput input = input(exchange, payload, runner.accountId());
    return runner.render(template, input, exchange.requestId(), exchange.executionLog()).map(rendered -> {
      exchange.overrides(rendered.overrides());
      return rendered.output();
    });
  }

  private static TemplateInput input(Exchange exchange, String payload, String accountId) {
    MethodRequest request = exchange.methodRequest();
    return new TemplateInput(payload, request.pathParameters(), grouped(request.queryParameters()),
        grouped(request.headers()), context(exchange, accountId), exchange.stage().variables());
  }

  /** {@code $context} for this request as AWS documents it, with the overrides set so far. */
  public static ContextVariables context(Exchange exchange, String accountId) {
    RequestContext request = exchange.context();
    ContextVariables.Builder builder = ContextVariables.builder()
        .accountId(accountId)
        .apiId(request.apiId())
        .stage(request.stage())
        .deploymentId(request.deploymentId())
        .requestId(request.requestId())
        .extendedRequestId(request.extendedRequestId())
        .httpMethod(request.httpMethod())
        .resourcePath(request.resourcePath())
        .resourceId(request.resourceId())
        .path(request.path())
        .protocol(request.protocol())
        .requestTime(request.requestTime(), request.requestTimeEpoch())
        .domainName(request.domainName(), request.domainPrefix())
        .sourceIp(request.sourceIp())
        .userAgent(request.userAgent())
        .overrides(exchange.overrides());
    if (request.isCanaryRequest() != null) {
      builder.isCanaryRequest(request.isCanaryRequest());
    }
    if (exchange.apiKey() != null) {
      builder.identity("apiKey", exchange.apiKeyValue()).identity("apiKeyId", exchange.apiKey().keyId());
    }
    authorization(exchange, builder);
    return builder.build();
  }

  /** {@code $context.authorizer.*} from the method's authorizer, {@code $context.identity.*} from a SigV4 caller. */
  private static void authorization(Exchange exchange, ContextVariables.Builder builder) {
    AuthorizerResult authorizer = exchange.authorizer();
    if (authorizer != null && authorizer.claims().isEmpty()) {
      builder.authorizer(authorizer.principalId(), authorizer.context());
    } else if (authorizer != null) {
      builder.claims(authorizer.claims());
    }
    Principal caller = exchange.caller();
    if (caller != null) {
      builder.identity("caller", caller.accessKeyId()).identity("user", caller.accessKeyId());
      if (caller.accountId() != null) {
        builder.identity("accountId", caller.accountId());
      }
    }
  }

  private static Map<String, List<String>> grouped(MultiMap values) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : values) {
      out.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue());
    }
    return out;
  }
}
