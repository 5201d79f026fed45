package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.AuthorizerType;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateAuthorizerRequest;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;

/** REST API authorizers through the AWS SDK, and methods that use them. */
class AuthorizerManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static final String LAMBDA = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
      + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";
  private static final String POOL = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123";

  private final ApiGatewayClient aws = server.client();
  private String apiId;
  private String rootId;

  @BeforeEach
  void api() {
    var api = aws.createRestApi(r -> r.name("authorized"));
    apiId = api.id();
    rootId = api.rootResourceId();
  }

  @Test
  void lifecycle() {
    var created = aws.createAuthorizer(r -> r.restApiId(apiId).name("token").type(AuthorizerType.TOKEN)
        .authorizerUri(LAMBDA).identitySource("method.request.header.Authorization").identityValidationExpression("^Bearer .+"));
    assertThat(created.id()).matches("[a-z0-9]{6}");
    assertThat(created.authorizerResultTtlInSeconds()).isEqualTo(300);
    assertThat(aws.getAuthorizer(r -> r.restApiId(apiId).authorizerId(created.id())).identityValidationExpression())
        .isEqualTo("^Bearer .+");

    var updated = aws.updateAuthorizer(r -> r.restApiId(apiId).authorizerId(created.id()).patchOperations(
        p -> p.op(Op.REPLACE).path("/authorizerResultTtlInSeconds").value("0"),
        p -> p.op(Op.REPLACE).path("/name").value("renamed")));
    assertThat(updated.authorizerResultTtlInSeconds()).isZero();
    assertThat(updated.name()).isEqualTo("renamed");
    assertThatThrownBy(() -> aws.updateAuthorizer(r -> r.restApiId(apiId).authorizerId(created.id()).patchOperations(
        p -> p.op(Op.REPLACE).path("/authorizerResultTtlInSeconds").value("3601"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("0..3600");

    aws.createAuthorizer(r -> r.restApiId(apiId).name("pool").type(AuthorizerType.COGNITO_USER_POOLS)
        .providerARNs(POOL).identitySource("method.request.header.Authorization"));
    assertThat(aws.getAuthorizers(r -> r.restApiId(apiId)).items()).hasSize(2);
    assertThat(aws.getAuthorizers(r -> r.restApiId(apiId).limit(1)).position()).isNotNull();

    aws.deleteAuthorizer(r -> r.restApiId(apiId).authorizerId(created.id()));
    assertThatThrownBy(() -> aws.getAuthorizer(r -> r.restApiId(apiId).authorizerId(created.id())))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Authorizer identifier specified");
    assertThatThrownBy(() -> aws.getAuthorizers(r -> r.restApiId("missing"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void validation() {
    assertRefused(r -> r.name("t").type(AuthorizerType.TOKEN).authorizerUri(LAMBDA), "method.request.header");
    assertRefused(r -> r.name("t").type(AuthorizerType.TOKEN).authorizerUri(LAMBDA)
        .identitySource("method.request.querystring.token"), "method.request.header");
    assertRefused(r -> r.name("t").type(AuthorizerType.TOKEN).identitySource("method.request.header.A"), "authorizer URI");
    assertRefused(r -> r.name("t").type(AuthorizerType.TOKEN).authorizerUri(LAMBDA)
        .identitySource("method.request.header.A").authorizerResultTtlInSeconds(4000), "0..3600");
    assertRefused(r -> r.name("c").type(AuthorizerType.COGNITO_USER_POOLS)
        .identitySource("method.request.header.A"), "providerARNs");
    assertRefused(r -> r.name("c").type(AuthorizerType.COGNITO_USER_POOLS).providerARNs("arn:aws:iam::1:role/x")
        .identitySource("method.request.header.A"), "provider ARN");
    assertRefused(r -> r.name("t").type(AuthorizerType.TOKEN).authorizerUri(LAMBDA).identitySource("method.request.header.A")
        .identityValidationExpression("^(?!Basic ).+"), "Invalid identity validation expression specified: pattern '^(?!Basic ).+'");
    assertRefused(r -> r.name("r").type(AuthorizerType.REQUEST).authorizerUri(LAMBDA), "identity source");
    assertRefused(r -> r.name("r").type(AuthorizerType.REQUEST).authorizerUri(LAMBDA)
        .identitySource("method.request.header.A, body.x"), "body.x");
    assertRefused(r -> r.type(AuthorizerType.TOKEN), "name");
    assertThatThrownBy(() -> aws.createAuthorizer(r -> r.restApiId(apiId).name("x").type("MAGIC")))
        .isInstanceOf(ApiGatewayException.class).hasMessageContaining("[TOKEN, REQUEST, COGNITO_USER_POOLS]");

    var request = aws.createAuthorizer(r -> r.restApiId(apiId).name("r").type(AuthorizerType.REQUEST).authorizerUri(LAMBDA)
        .identitySource("method.request.header.A, method.request.querystring.q, stageVariables.v, context.requestId"));
    assertThat(request.authorizerResultTtlInSeconds()).isEqualTo(300);
    assertThat(aws.createAuthorizer(r -> r.restApiId(apiId).name("uncached").type(AuthorizerType.REQUEST)
        .authorizerUri(LAMBDA).authorizerResultTtlInSeconds(0)).identitySource()).isNull();
  }

  @Test
  void methodsNeedAnExistingAuthorizerOfTheRightKindAndKeepItInUse() {
    var token = aws.createAuthorizer(r -> r.restApiId(apiId).name("token").type(AuthorizerType.TOKEN)
        .authorizerUri(LAMBDA).identitySource("method.request.header.Authorization"));
    assertThatThrownBy(() -> aws.putMethod(r -> r.restApiId(apiId).resourceId(rootId).httpMethod("GET")
        .authorizationType("CUSTOM")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid authorizer ID specified");
    assertThatThrownBy(() -> aws.putMethod(r -> r.restApiId(apiId).resourceId(rootId).httpMethod("GET")
        .authorizationType("COGNITO_USER_POOLS").authorizerId(token.id())))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid authorizer ID specified");

    var method = aws.putMethod(r -> r.restApiId(apiId).resourceId(rootId).httpMethod("GET")
        .authorizationType("CUSTOM").authorizerId(token.id()));
    assertThat(method.authorizerId()).isEqualTo(token.id());
    assertThatThrownBy(() -> aws.deleteAuthorizer(r -> r.restApiId(apiId).authorizerId(token.id())))
        .isInstanceOf(ConflictException.class).hasMessageContaining("GET /");
    assertThatThrownBy(() -> aws.updateMethod(r -> r.restApiId(apiId).resourceId(rootId).httpMethod("GET")
        .patchOperations(p -> p.op(Op.REPLACE).path("/authorizerId").value("nope"))))
        .isInstanceOf(BadRequestException.class);

    aws.updateMethod(r -> r.restApiId(apiId).resourceId(rootId).httpMethod("GET").patchOperations(
        p -> p.op(Op.REPLACE).path("/authorizationType").value("NONE"), p -> p.op(Op.REMOVE).path("/authorizerId")));
    aws.deleteAuthorizer(r -> r.restApiId(apiId).authorizerId(token.id()));
  }

  private void assertRefused(java.util.function.Consumer<CreateAuthorizerRequest.Builder> request, String message) {
    assertThatThrownBy(() -> aws.createAuthorizer(r -> request.accept(r.restApiId(apiId))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining(message);
  }
}
