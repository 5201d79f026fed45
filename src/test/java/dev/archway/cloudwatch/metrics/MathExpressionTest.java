package dev.archway.cloudwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.cloudwatch.metrics.MathExpression.Binary;
import dev.archway.cloudwatch.metrics.MathExpression.Call;
import org.junit.jupiter.api.Test;

class MathExpressionTest {
  @Test
  void precedenceAndCalls() {
    MathExpression e = MathExpression.parse("100 * errors / SUM([a, b]) - 2 ^ 3 ^ 2");
    assertThat(e).isInstanceOf(Binary.class);
    assertThat(((Binary) e).operator()).isEqualTo('-');
    Binary power = (Binary) ((Binary) e).right();
    assertThat(power.operator()).isEqualTo('^');
    assertThat(power.right()).isInstanceOf(Binary.class); // right-associative
    assertThat(MathExpression.parse("search('{A,B} x', 'Sum', 60)")).isInstanceOf(Call.class)
        .extracting(c -> ((Call) c).function()).isEqualTo("SEARCH");
  }

  @Test
  void malformedExpressionsSayWhere() {
    assertThatThrownBy(() -> MathExpression.parse("m1 +")).hasMessageContaining("Unexpected end");
    assertThatThrownBy(() -> MathExpression.parse("m1 ) ")).hasMessageContaining("position 4");
    assertThatThrownBy(() -> MathExpression.parse("'open")).hasMessageContaining("Unclosed string");
    assertThatThrownBy(() -> MathExpression.parse("1.2.3")).hasMessageContaining("Bad number");
  }

  @Test
  void searchExpressionsMatchSchemaAndTerms() {
    SearchExpression search = SearchExpression.parse("{AWS/ApiGateway,ApiName,Stage} MetricName=\"Latency\" prod");
    MetricId match = MetricId.of("AWS/ApiGateway", "Latency", java.util.Map.of("ApiName", "pets", "Stage", "prod"));
    assertThat(search.filter().test(match)).isTrue();
    assertThat(search.filter().test(MetricId.of("AWS/ApiGateway", "Latency", java.util.Map.of("ApiName", "pets")))).isFalse();
    assertThat(search.filter().test(MetricId.of("AWS/ApiGateway", "Count", java.util.Map.of("ApiName", "pets", "Stage", "prod"))))
        .isFalse();
    assertThatThrownBy(() -> SearchExpression.parse("a OR b")).hasMessageContaining("not supported");
  }
}
