package dev.archway.control.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Json;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.Route;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authorizers as OpenAPI security schemes, named by the authorizer's name as AWS's exports name them:
 * JWT authorizers as {@code oauth2} schemes, Lambda authorizers as {@code apiKey} schemes, IAM
 * authorization as the {@code sigv4} scheme; each with the extension that makes it an authorizer.
 */
final class OpenApiSchemes {
  static final String SIGV4 = "sigv4";

  private OpenApiSchemes() {}

  static void write(ObjectNode components, Collection<Authorizer> authorizers, List<Route> routes, boolean extensions) {
    ObjectNode schemes = Json.MAPPER.createObjectNode();
    for (Authorizer a : authorizers) {
      ObjectNode scheme = schemes.putObject(a.name());
      ObjectNode extension = Json.MAPPER.createObjectNode();
      if (a.authorizerType().equals("JWT")) {
        scheme.put("type", "oauth2");
        scheme.putObject("flows");
        extension.put("type", "jwt");
        ObjectNode jwt = extension.putObject("jwtConfiguration");
        HttpApiOpenApiWriter.putIf(jwt, "issuer", a.jwtConfiguration().issuer());
        jwt.set("audience", Json.MAPPER.valueToTree(a.jwtConfiguration().audience()));
      } else {
        List<String> sources = a.identitySource() == null ? List.of() : a.identitySource();
        String single = sources.size() == 1 && sources.get(0).startsWith("$request.header.")
            ? sources.get(0).substring("$request.header.".length()) : "Unused";
        scheme.put("type", "apiKey").put("name", single).put("in", "header");
        extension.put("type", "request");
        HttpApiOpenApiWriter.putIf(extension, "authorizerUri", a.authorizerUri());
        HttpApiOpenApiWriter.putIf(extension, "authorizerCredentials", a.authorizerCredentialsArn());
        HttpApiOpenApiWriter.putIf(extension, "authorizerPayloadFormatVersion", a.authorizerPayloadFormatVersion());
        if (a.authorizerResultTtlInSeconds() != null) {
          extension.put("authorizerResultTtlInSeconds", a.authorizerResultTtlInSeconds());
        }
        if (a.enableSimpleResponses() != null) {
          extension.put("enableSimpleResponses", a.enableSimpleResponses());
        }
      }
      if (a.identitySource() != null) {
        extension.put("identitySource", String.join(", ", a.identitySource()));
      }
      if (extensions) {
        scheme.set(OpenApiSecurity.AUTHORIZER, extension);
      }
    }
    if (routes.stream().anyMatch(r -> "AWS_IAM".equals(r.authorizationType()))) {
      ObjectNode sigv4 = schemes.putObject(SIGV4).put("type", "apiKey").put("name", "Authorization").put("in", "header");
      if (extensions) {
        sigv4.put(OpenApiSecurity.AUTHTYPE, "awsSigv4");
      }
    }
    if (!schemes.isEmpty()) {
      components.set("securitySchemes", schemes);
    }
  }

  /** The route's security requirement, when it has authorization. */
  static Optional<ObjectNode> requirement(Route route, Map<String, Authorizer> authorizers) {
    String type = route.authorizationType();
    if ("AWS_IAM".equals(type)) {
      ObjectNode requirement = Json.MAPPER.createObjectNode();
      requirement.putArray(SIGV4);
      return Optional.of(requirement);
    }
    Authorizer authorizer = route.authorizerId() == null ? null : authorizers.get(route.authorizerId());
    if (authorizer == null) {
      return Optional.empty();
    }
    ObjectNode requirement = Json.MAPPER.createObjectNode();
    var scopes = requirement.putArray(authorizer.name());
    if (route.authorizationScopes() != null) {
      route.authorizationScopes().forEach(scopes::add);
    }
    return Optional.of(requirement);
  }
}
