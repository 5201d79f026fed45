package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.GatewayResponse;
import software.amazon.awssdk.services.apigateway.model.GatewayResponseType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;

/** Gateway responses through the AWS SDK: defaults for every type, customisation, patching, deletion. */
class GatewayResponseManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static final String DEFAULT_TEMPLATE = "{\"message\":$context.error.messageString}";

  private final ApiGatewayClient aws = server.client();
  private String apiId;

  @BeforeEach
  void api() {
    apiId = aws.createRestApi(r -> r.name("gateway-responses")).id();
  }

  @Test
  void everyTypeHasItsAwsDefault() {
    var items = aws.getGatewayResponses(r -> r.restApiId(apiId)).items();
    assertThat(items).extracting(GatewayResponse::responseType)
        .as("by name, as AWS lists them")
        .containsExactlyElementsOf(GatewayResponseType.knownValues().stream().sorted(java.util.Comparator.comparing(Object::toString)).toList());
    assertThat(items).allSatisfy(g -> {
      assertThat(g.defaultResponse()).isTrue();
      assertThat(g.responseTemplates()).containsEntry("application/json", DEFAULT_TEMPLATE);
    });
    var token = aws.getGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN));
    assertThat(token.statusCode()).isEqualTo("403");
    assertThat(aws.getGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.DEFAULT_4_XX)).statusCode()).isNull();
    assertThat(aws.getGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.BAD_REQUEST_BODY)).statusCode()).isEqualTo("400");
  }

  @Test
  void putWithoutStatusEchoesTheDefault() {
    var put = aws.putGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.AUTHORIZER_FAILURE));
    assertThat(put.statusCode()).isEqualTo("500");
    assertThat(put.defaultResponse()).isFalse();
    assertThat(put.responseTemplates()).containsEntry("application/json", DEFAULT_TEMPLATE);
  }

  @Test
  void customiseUpdateAndDelete() {
    var put = aws.putGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN)
        .statusCode("404").responseParameters(Map.of("gatewayresponse.header.X-Hint", "'no such route'"))
        .responseTemplates(Map.of("application/json", "{\"error\":$context.error.messageString}")));
    assertThat(put.statusCode()).isEqualTo("404");
    assertThat(put.defaultResponse()).isFalse();

    var updated = aws.updateGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN)
        .patchOperations(
            p -> p.op(Op.REPLACE).path("/statusCode").value("410"),
            p -> p.op(Op.ADD).path("/responseParameters/gatewayresponse.header.X-Id").value("method.request.header.X-Id"),
            p -> p.op(Op.REMOVE).path("/responseParameters/gatewayresponse.header.X-Hint")));
    assertThat(updated.statusCode()).isEqualTo("410");
    assertThat(updated.responseParameters()).containsOnlyKeys("gatewayresponse.header.X-Id");

    var patchedDefault = aws.updateGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.THROTTLED)
        .patchOperations(p -> p.op(Op.REPLACE).path("/statusCode").value("503")));
    assertThat(patchedDefault.defaultResponse()).isFalse();
    assertThat(patchedDefault.responseTemplates()).containsEntry("application/json", DEFAULT_TEMPLATE);

    aws.deleteGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN));
    assertThat(aws.getGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN))
        .defaultResponse()).isTrue();
    assertThatThrownBy(() -> aws.deleteGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.MISSING_AUTHENTICATION_TOKEN)))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Gateway response type not defined on api");
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> aws.putGatewayResponse(r -> r.restApiId(apiId).responseType("NOT_A_TYPE")))
        .isInstanceOf(ApiGatewayException.class).hasMessageContaining("Member must satisfy enum value set")
        .satisfies(e -> assertThat(((ApiGatewayException) e).statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> aws.putGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.THROTTLED).statusCode("99")))
        .isInstanceOf(ApiGatewayException.class).hasMessageContaining("Value '99' at 'putGatewayResponseInput.statusCode' "
            + "failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d");
    assertThatThrownBy(() -> aws.putGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.THROTTLED)
        .responseParameters(Map.of("gatewayresponse.header.X", "$evil"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid mapping expression");
    assertThatThrownBy(() -> aws.updateGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.THROTTLED)
        .patchOperations(p -> p.op(Op.REMOVE).path("/statusCode"))))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> aws.getGatewayResponses(r -> r.restApiId("nope"))).isInstanceOf(NotFoundException.class);
  }
}
