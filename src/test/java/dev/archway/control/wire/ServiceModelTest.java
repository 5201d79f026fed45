package dev.archway.control.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model-driven input checks, with the texts AWS's recorded answers show. */
class ServiceModelTest {
  private static final ServiceModel V1 = ServiceModel.apigateway();
  private static final ServiceModel V2 = ServiceModel.apigatewayv2();
  private static final String INTEGRATION = "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration";

  @Test
  void anEnumOutsideItsValuesIsAValidationExceptionInAwsOrder() {
    assertThatThrownBy(() -> V1.operation("PUT", INTEGRATION).verify(Map.of(), Map.of(), json("{\"type\":\"HTTPS_PROXY\"}")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.errorType()).isEqualTo("ValidationException");
          assertThat(e.getMessage()).isEqualTo("1 validation error detected: Value 'HTTPS_PROXY' at 'putIntegrationInput.type' "
              + "failed to satisfy constraint: Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]");
        });
  }

  @Test
  void aListOfEnumsIsReportedAsAWholeAndErrorsAreCounted() {
    assertThatThrownBy(() -> V1.operation("POST", "/restapis").verify(Map.of(), Map.of(),
        json("{\"name\":\"a\",\"endpointConfiguration\":{\"ipAddressType\":\"wrong\",\"types\":[\"wrong\"]}}")))
        .hasMessage("2 validation errors detected: Value '[wrong]' at 'createRestApiInput.endpointConfiguration.types' "
            + "failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: "
            + "[PRIVATE, EDGE, REGIONAL]]; Value 'wrong' at 'createRestApiInput.endpointConfiguration.ipAddressType' "
            + "failed to satisfy constraint: Member must satisfy enum value set: [ipv4, dualstack]");
  }

  @Test
  void bodyMembersComeBeforeUriLabelsAndListItemsCountFromOne() {
    String uri = "/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/responses/{status_code}";
    assertThatThrownBy(() -> V1.operation("PATCH", uri).verify(Map.of("status_code", "wrong"), Map.of(),
        json("{\"patchOperations\":[{\"op\":\"replace\"},{\"op\":\"wrong_op\"}]}")))
        .hasMessage("2 validation errors detected: Value 'wrong_op' at 'updateMethodResponseInput.patchOperations.2.member.op' "
            + "failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]; "
            + "Value 'wrong' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d");
  }

  @Test
  void validInputAndOperationsWithoutConstraintsPass() {
    assertThatCode(() -> V1.operation("PUT", INTEGRATION).verify(Map.of(), Map.of(), json("{\"type\":\"MOCK\"}")))
        .doesNotThrowAnyException();
    assertThatCode(() -> V1.operation("PUT", INTEGRATION).verify(Map.of(), Map.of(), null)).doesNotThrowAnyException();
    assertThat(V1.operation("GET", "/restapis/{restapi_id}")).isNull();
    assertThat(V1.operation("ImportApiKeys")).isNotNull();
  }

  @Test
  void queryParametersAreChecked() {
    assertThatThrownBy(() -> V1.operation("ImportApiKeys").verify(Map.of(), Map.of("format", List.of("xml")), null))
        .hasMessage("1 validation error detected: Value 'xml' at 'format' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [csv]");
  }

  @Test
  void apigatewayV2AnswersBadRequestNamingTheMember() {
    assertThatThrownBy(() -> V2.operation("POST", "/v2/apis").verify(Map.of(), Map.of(), json("{\"name\":\"a\",\"protocolType\":\"REST\"}")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.errorType()).isEqualTo("BadRequestException");
          assertThat(e.getMessage()).isEqualTo("Invalid protocolType: REST (expected: one of [WEBSOCKET, HTTP])");
        });
    assertThatThrownBy(() -> V2.operation("POST", "/v2/apis/{apiId}/stages").verify(Map.of(), Map.of(),
        json("{\"stageName\":\"s\",\"routeSettings\":{\"GET /a\":{\"loggingLevel\":\"LOUD\"}}}")))
        .hasMessage("Invalid routeSettings.GET /a.loggingLevel: LOUD (expected: one of [ERROR, INFO, OFF])");
  }

  @Test
  void anEnumOrderThatIsNotThePermutationOfTheModelsValuesFailsTheStart() {
    assertThatThrownBy(() -> ServiceModel.load("aws-models/apigateway/service-2.json", "bad-enum-order.json", ServiceModel.Dialect.CORAL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("IntegrationType lists [HTTP, MOCK] (expected: the model's values [HTTP, AWS, MOCK, HTTP_PROXY, AWS_PROXY])");
  }

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }
}
