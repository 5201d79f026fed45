package dev.archway.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** AWS's selection expression language: variables, braces, escapes, literal text, paths into the body. */
class SelectionExpressionTest {
  private static final JsonNode MESSAGE = json(
      "{\"action\":\"join\",\"version\":2,\"data\":{\"room\":\"r1\",\"tags\":[\"a\",\"b\"]},\"a b\":true,\"n\":null}");

  private static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "$request.body.action | join",
      "${request.body.action} | join",
      "${request.body.version}-beta | 2-beta",
      "$request.body.data.room | r1",
      "$request.body.data.tags[1] | b",
      "${request.body['a b']} | true",
      "$request.body.data | {\"room\":\"r1\",\"tags\":[\"a\",\"b\"]}",
      "$request.body.missing | ''",
      "$request.body.n | ''",
      "\\$default | $default",
      "$default | $default",
      "static | static",
      "${request.body.action}:${request.body.data.room} | join:r1"})
  void evaluatesAgainstTheMessage(String expression, String expected) {
    assertThat(SelectionExpression.parseRequest(expression).evaluate(MESSAGE)).isEqualTo(expected);
  }

  @Test
  void aBodyThatIsNotJsonSelectsNothing() {
    assertThat(SelectionExpression.parseRequest("$request.body.action").evaluate(null)).isEmpty();
  }

  @Test
  void integrationResponseVariablesOnlyWhereAResponseIsSelected() {
    SelectionExpression status = SelectionExpression.parse("${integration.response.statuscode}", true);
    assertThat(status.evaluate(null, null, 404)).isEqualTo("404");
    SelectionExpression error = SelectionExpression.parse("${integration.response.body.errorMessage}", true);
    assertThat(error.evaluate(null, json("{\"errorMessage\":\"boom\"}"), 200)).isEqualTo("boom");
    assertThatThrownBy(() -> SelectionExpression.parseRequest("${integration.response.statuscode}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$request.body.<path>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"$request.body.items[*]", "$request.body..action", "${request.body.action", "$request.header.x",
      "$request.body[?(@.a)]", "$context.routeKey"})
  void refusesWhatItCannotEvaluate(String expression) {
    assertThatThrownBy(() -> SelectionExpression.parseRequest(expression)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected");
  }

  @Test
  void constantExpressionsNeedNoBody() {
    assertThat(SelectionExpression.parseRequest("\\$default").isConstant()).isTrue();
    assertThat(SelectionExpression.parseRequest("$request.body.action").readsRequestBody()).isTrue();
  }
}
