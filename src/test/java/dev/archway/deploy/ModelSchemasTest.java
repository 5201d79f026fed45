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
  void dangerousPatternsAreRefusedWhenWritten() {
    assertThat(PatternGuard.problem("^[a-z]+(-[a-z]+)*$")).isNull();
    assertThat(PatternGuard.problem("^(a+)+$")).contains("nests quantifiers");
    assertThat(PatternGuard.problem("(\\w*)*")).contains("nests quantifiers");
    assertThat(PatternGuard.problem("(a)\\1")).contains("backreference");
    assertThat(PatternGuard.problem("[")).contains("not a valid regular expression");
    assertThat(PatternGuard.problem("a".repeat(1001))).contains("longer than");
    assertThatThrownBy(() -> ModelSchemas.check("api1", "{\"patternProperties\":{\"(x+)+\":{}}}", Set.of()))
        .hasMessageContaining("nests quantifiers");
  }

  @Test
  void aBacktrackingPatternRunsOutOfBudgetInsteadOfHanging() throws Exception {
    // Not caught by the write-time check, but polynomial of degree 25 on a run of a's that is too short.
    assertThat(PatternGuard.problem("(.*a){25}")).isNull();
    JsonSchema schema = ModelSchemas.compile("api1", Map.of("M", "{\"type\":\"string\",\"pattern\":\"(.*a){25}\"}"), "M");
    long start = System.nanoTime();
    assertThatThrownBy(() -> schema.validate(Json.MAPPER.readTree("\"" + "a".repeat(24) + "\"")))
        .isInstanceOf(BudgetedRegularExpressions.BudgetExceeded.class);
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }
}
