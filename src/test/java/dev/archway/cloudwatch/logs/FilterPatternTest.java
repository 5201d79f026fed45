package dev.archway.cloudwatch.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FilterPatternTest {
  private static boolean matches(String pattern, String message) {
    return FilterPattern.parse(pattern).test(message);
  }

  @Test
  void termsAreCaseSensitiveAndAllRequired() {
    assertThat(matches("ERROR disk", "ERROR: disk full")).isTrue();
    assertThat(matches("ERROR disk", "error: disk full")).isFalse();
    assertThat(matches("ERROR -disk", "ERROR: disk full")).isFalse();
    assertThat(matches("\"disk full\"", "ERROR: disk full")).isTrue();
    assertThat(matches("\"full disk\"", "ERROR: disk full")).isFalse();
    assertThat(matches("?ERROR ?WARN", "WARN: slow")).isTrue();
    assertThat(matches("?ERROR ?WARN", "INFO: fine")).isFalse();
    assertThat(matches("   ", "anything")).isTrue();
    assertThat(matches("\"say \\\"hi\\\"\"", "they say \"hi\"")).isTrue();
  }

  @Test
  void jsonSelectorsCompareTextAndNumbers() {
    String event = "{\"status\": 503, \"ok\": false, \"tags\": [\"a\", \"b\"], \"req\": {\"method\": \"GET\", \"ms\": 12.5}, \"n\": null}";
    assertThat(matches("{ $.status = 5* }", event)).isTrue();
    assertThat(matches("{ $.status = 503 }", event)).isTrue();
    assertThat(matches("{ $.status = 503.0 }", event)).isTrue();
    assertThat(matches("{ $.status != 503 }", event)).isFalse();
    assertThat(matches("{ $.req.ms > 12 && $.req.ms <= 12.5 }", event)).isTrue();
    assertThat(matches("{ $.req.method = \"G*\" }", event)).isTrue();
    assertThat(matches("{ $.req.method = GET }", event)).isTrue();
    assertThat(matches("{ $.tags[1] = \"b\" }", event)).isTrue();
    assertThat(matches("{ $.ok IS FALSE }", event)).isTrue();
    assertThat(matches("{ $.n IS NULL }", event)).isTrue();
    assertThat(matches("{ $.nothing NOT EXISTS }", event)).isTrue();
    assertThat(matches("{ $.nothing = 1 || ($.status = 503 && $.ok IS FALSE) }", event)).isTrue();
    assertThat(matches("{ $.req.method = %^G.T$% }", event)).isTrue();
    assertThat(matches("{ $.status = 5* }", "not json")).isFalse();
    assertThat(matches("{ $.req = 1 }", event)).isFalse(); // an object is no value
  }

  @Test
  void spaceDelimitedFieldsWithQuotesBracketsAndEllipses() {
    String line = "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 1534";
    assertThat(matches("[ip, id, user, timestamp, request, status, size]", line)).isTrue();
    assertThat(matches("[ip, id, user, timestamp, request, status]", line)).isFalse();
    assertThat(matches("[ip, id, user = frank, timestamp = *Oct*, request = \"GET *\", status = 2*, size >= 1534]", line)).isTrue();
    assertThat(matches("[..., status = 4* || status = 5*, size]", line)).isFalse();
    assertThat(matches("[..., status = 4* || status = 2*, size]", line)).isTrue();
    assertThat(matches("[ip = 127.0.0.1, ...]", line)).isTrue();
    assertThat(matches("[..., user = frank, ...]", line)).isTrue();
    assertThat(FieldFilter.split(line)).containsExactly("127.0.0.1", "-", "frank", "10/Oct/2000:13:25:15 -0700",
        "GET /apache_pb.gif HTTP/1.0", "200", "1534");
  }

  @Test
  void badPatternsSayWhatIsWrong() {
    assertThatThrownBy(() -> FilterPattern.parse("{ $.a = ")).hasMessageContaining("ends too early");
    assertThatThrownBy(() -> FilterPattern.parse("{ a = 1 }")).hasMessageContaining("selector");
    assertThatThrownBy(() -> FilterPattern.parse("{ $.a > x }")).hasMessageContaining("needs a number");
    assertThatThrownBy(() -> FilterPattern.parse("[a, b = 1 && c = 2]")).hasMessageContaining("names 'c'");
    assertThatThrownBy(() -> FilterPattern.parse("%(%")).hasMessageContaining("regular expression");
    assertThatThrownBy(() -> FilterPattern.parse("\"open")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> FilterPattern.parse("? x")).hasMessageContaining("followed by a term");
    assertThatThrownBy(() -> FilterPattern.parse("{ $.a = 1 } trailing")).hasMessageContaining("after '}'");
  }

  @Test
  void hostileRegexesRunInLinearTime() {
    // A pattern that backtracks exponentially in java.util.regex answers at once under RE2.
    String message = "a".repeat(5_000) + "!";
    assertThat(matches("%(a+)+$%", message)).isFalse();
    assertThat(matches("%(a+)+!%", message)).isTrue();
    assertThat(matches("%^(a|aa)+b$%", message)).isFalse();
  }
}
