package dev.archway.runtime;

import dev.archway.auth.AuthorizerResult;
import dev.archway.auth.Principal;
import dev.archway.mapping.ContextVariables;
import dev.archway.mapping.MappingTemplate;
import dev.archway.mapping.Rendered;
import dev.archway.mapping.TemplateException;
import dev.archway.mapping.TemplateInput;
import dev.archway.mapping.TemplateRuntimeException;
import io.vertx.core.MultiMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs mapping templates for a request: builds what {@code $input}, {@code $context} and
 * {@code $stageVariables} read from the {@link Exchange}, and carries the template overrides from
 * the request template to the response template.
 */
public final class Templates {
  private static final Logger LOG = LoggerFactory.getLogger(Templates.class);

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
   * @throws GatewayResponse.Failure (500) when the template fails or breaks a budget, as on AWS
   */
  static String render(MappingTemplate template, Exchange exchange, String payload) {
    try {
      Rendered rendered = template.render(input(exchange, payload));
      exchange.overrides(rendered.overrides());
      return rendered.output();
    } catch (TemplateRuntimeException e) {
      LOG.warn("request {}: Execution failed due to configuration error: {}", exchange.requestId(), e.getMessage());
      throw new GatewayResponse.InternalServerError().failure();
    }
  }

  private static TemplateInput input(Exchange exchange, String payload) {
    MethodRequest request = exchange.methodRequest();
    CompiledStage stage = exchange.stage();
    String host = request.headers().get("Host");
    ContextVariables.Builder builder = ContextVariables.builder()
        .apiId(stage.apiId())
        .stage(stage.stageName())
        .requestId(exchange.requestId())
        .httpMethod(request.httpMethod())
        .path("/" + stage.stageName() + (request.path().isEmpty() ? "/" : request.path()))
        .protocol("HTTP/1.1")
        .requestTime(Instant.now())
        .domainName(host)
        .sourceIp(request.sourceIp())
        .userAgent(request.headers().get("User-Agent"))
        .overrides(exchange.overrides());
    authorization(exchange, builder);
    ContextVariables context = builder.build();
    return new TemplateInput(payload, request.pathParameters(), grouped(request.queryParameters()),
        grouped(request.headers()), context, stage.variables());
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
