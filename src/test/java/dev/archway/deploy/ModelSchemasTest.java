package dev.archway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.JsonSchema;
import dev.archway.model.Json;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Model schemas: checks at write time, local $ref resolution, and bounded regex work. */
class ModelSchemasTest {
  static final String PREFIX = "https://apigateway.amazonaws.com/restapis/api1/models/";

  @Test
  void referencesResolveToModelsOfTheSameApiOnly() throws Exception {
    Map<String, String> schemas = Map.of(
        "Pet", "{\"type\":\"object\",\"required\":[\"name\"]}",
        "Pets", "{\"type\":\"array\",\"items\":{\"$ref\":\"" + PREFIX + "Pet\"}}");
    JsonSchema pets = ModelSchemas.compile("api1", schemas, "Pets");
    assertThat(pets.validate(Json.MAPPER.readTree("[{\"name\":\"a\"}]"))).isEmpty();
    assertThat(pets.validate(Json.MAPPER.readTree("[{}]"))).isNotEmpty();

    assertThatThrownBy(() -> ModelSchemas.compile("api1",
        Map.of("Bad", "{\"$ref\":\"http://127.0.0.1:1/secret\"}"), "Bad"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$ref");
    assertThatThrownBy(() -> ModelSchemas.check("api1", "{\"$ref\":\"" + PREFIX + "Cat\"}", Set.of("Pet")))
        .hasMessageContaining("expected: a model of this API");
    ModelSchemas.check("api1", "{\"items\":{\"$ref\":\"" + PREFIX + "Pet\"},\"definitions\":{}}", Set.of("Pet"));
  }

  @Test
  void patternsALinearEngineCannotRunAreRefusedWhenWritten() {
    ModelSchemas.check("api1", "{\"type\":\"string\",\"pattern\":\"^(a|aa)+$\"}", Set.of());
    assertThatThrownBy(() -> ModelSchemas.check("api1", "{\"patternProperties\":{\"(x)\\\\1\":{}}}", Set.of()))
        .hasMessageContaining("pattern '(x)\\1' is not supported");
    assertThatThrownBy(() -> ModelSchemas.check("api1",
        "{\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"(?!admin)\"}}}", Set.of()))
        .hasMessageContaining("pattern '(?!admin)' is not supported");
  }

  @Test
  void compiledSchemasMatchPatternsInLinearTime() throws Exception {
    JsonSchema schema = ModelSchemas.compile("api1", Map.of("M", "{\"type\":\"object\","
        + "\"properties\":{\"a\":{\"type\":\"string\",\"pattern\":\"^(a|aa)+$\"}},"
        + "\"patternProperties\":{\"^(x|xx)+$\":{\"type\":\"integer\"}},"
        + "\"additionalProperties\":{\"format\":\"regex\"}}"), "M");
    assertThat(schema.validate(Json.MAPPER.readTree("{\"a\":\"" + "a".repeat(3_000) + "\"}"))).isEmpty();
    assertThat(schema.validate(Json.MAPPER.readTree("{\"a\":\"" + "a".repeat(2_999) + "b\"}"))).isNotEmpty();
    assertThat(schema.validate(Json.MAPPER.readTree("{\"" + "x".repeat(3_000) + "\":\"1\"}"))).isNotEmpty();
    assertThat(schema.validate(Json.MAPPER.readTree("{\"r\":\"^[a-z]+$\"}"))).isEmpty();
    // A value that is not a regex RE2J runs, or that would expand to millions of states, is not a valid regex here.
    assertThat(schema.validate(Json.MAPPER.readTree("{\"r\":\"(a)\\\\1\"}"))).isNotEmpty();
    assertThat(schema.validate(Json.MAPPER.readTree("{\"r\":\"((a{1000}){1000}){1000}\"}"))).isNotEmpty();
  }
}
