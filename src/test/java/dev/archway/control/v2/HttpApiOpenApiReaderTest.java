package dev.archway.control.v2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Route;
import org.junit.jupiter.api.Test;

class HttpApiOpenApiReaderTest {
  static final String DEFINITION = """
      {"openapi": "3.0.1", "info": {"title": "t", "version": 2},
       "security": [{"oidc": ["read"]}],
       "paths": {
         "/a": {"get": {"x-amazon-apigateway-integration": {"type": "AWS_PROXY", "uri": "arn:aws:lambda:us-east-1:1:function:f", "payloadFormatVersion": 2}}},
         "/b": {"post": {"security": [], "x-amazon-apigateway-integration": {"type": "aws_proxy", "uri": "arn:aws:lambda:us-east-1:1:function:f"}}},
         "/c": {"patch": {"security": [{"lambda": []}]}, "trace": {}}},
       "components": {"securitySchemes": {
         "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://id.example.com/pool/.well-known/openid-configuration",
                  "x-amazon-apigateway-authorizer": {"type": "jwt", "jwtConfiguration": {"audience": ["x"]}}},
         "lambda": {"type": "apiKey", "name": "Unused", "in": "header",
                    "x-amazon-apigateway-authorizer": {"type": "request", "authorizerUri": "arn:x",
                      "identitySource": "$request.header.A, $request.querystring.b", "authorizerResultTtlInSeconds": "60"}}}}}
      """;

  @Test
  void readsLenientlyWhereAwsIs() {
    ImportedHttpApi api = HttpApiOpenApiReader.read(DEFINITION, null);
    assertThat(api.version()).isEqualTo("2");
    Integration lambda = api.integrations().get(0).value();
    assertThat(lambda.integrationType()).isEqualTo("AWS_PROXY");
    assertThat(lambda.payloadFormatVersion()).isEqualTo("2.0");
    // REST API exports carry no payloadFormatVersion; theirs is 1.0.
    assertThat(api.integrations().get(1).value().payloadFormatVersion()).isEqualTo("1.0");

    Authorizer oidc = api.authorizers().get(0).value();
    assertThat(oidc.jwtConfiguration().issuer()).isEqualTo("https://id.example.com/pool");
    assertThat(oidc.identitySource()).containsExactly("$request.header.Authorization");
    Authorizer lambdaAuth = api.authorizers().get(1).value();
    assertThat(lambdaAuth.identitySource()).containsExactly("$request.header.A", "$request.querystring.b");
    assertThat(lambdaAuth.authorizerResultTtlInSeconds()).isEqualTo(60);
  }

  @Test
  void theDocumentsSecurityAppliesWhereAnOperationSaysNone() {
    ImportedHttpApi api = HttpApiOpenApiReader.read(DEFINITION, null);
    Route a = api.routes().stream().filter(r -> r.value().routeKey().equals("GET /a")).findFirst().orElseThrow().value();
    assertThat(a.authorizationType()).isEqualTo("JWT");
    assertThat(a.authorizerId()).isEqualTo("oidc");
    assertThat(a.authorizationScopes()).containsExactly("read");
    Route b = api.routes().stream().filter(r -> r.value().routeKey().equals("POST /b")).findFirst().orElseThrow().value();
    assertThat(b.authorizationType()).isEqualTo("NONE");
    Route c = api.routes().stream().filter(r -> r.value().routeKey().equals("PATCH /c")).findFirst().orElseThrow().value();
    assertThat(c.authorizationType()).isEqualTo("CUSTOM");
    assertThat(c.target()).isNull();
    assertThat(api.warnings()).anyMatch(w -> w.contains("TRACE is not supported"));
  }
}
