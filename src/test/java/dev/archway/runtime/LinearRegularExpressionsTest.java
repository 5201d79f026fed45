package dev.archway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Model patterns on RE2J: what is refused when written, and the bounded work of matching. */
class LinearRegularExpressionsTest {

  @Test
  void whatBacktrackingNeedsIsRefusedNamingThePattern() {
    assertThat(LinearRegularExpressions.problem("(a)\\1")).contains("'(a)\\1'").contains("invalid escape sequence");
    assertThat(LinearRegularExpressions.problem("(?=a)b")).contains("'(?=a)b'").contains("lookaround");
    assertThat(LinearRegularExpressions.problem("(?<!a)b")).contains("is not supported");
    assertThat(LinearRegularExpressions.problem("a*+")).contains("is not supported");
    assertThat(LinearRegularExpressions.problem("(?>a)")).contains("is not supported");
    assertThat(LinearRegularExpressions.problem("[")).contains("is not supported");
    assertThat(LinearRegularExpressions.problem("a".repeat(1001))).contains("1001 characters (limit 1000)");
  }

  @Test
  void countedRepetitionsThatMultiplyPastTheLimitAreRefused() {
    assertThat(LinearRegularExpressions.problem("(a{99}){100}")).isNull();
    assertThat(LinearRegularExpressions.problem("(a{100}){100}")).contains("expands to more than 10000 states");
    assertThat(LinearRegularExpressions.problem("(((a{10}){10}){10}){9,}")).contains("expands to more than");
    assertThat(LinearRegularExpressions.problem("[a{]{1000}b{1000}(x){1000}\\x{7b}{1000}")).isNull();
    assertThat(LinearRegularExpressions.problem("(" + "(".repeat(400) + "a" + ")".repeat(400) + ")")).isNull();
    assertThat(ProgramSize.of("\\Qa{9}\\E{3}", 1_000)).isLessThan(20);
    assertThat(ProgramSize.of("[]{1000}]x{1000}", 100_000)).isGreaterThan(1_000);
  }

  @Test
  void patternsThatBacktrackInJavaMatchInLinearTime() {
    for (String pattern : new String[] {"^(a|aa)+$", "^(a|a?)+$", "^(a+)+$", "(.*a){25}"}) {
      var regex = LinearRegularExpressions.INSTANCE.getRegularExpression(pattern);
      assertThat(regex.matches("a".repeat(2_999) + "b")).as(pattern).isEqualTo(pattern.startsWith("(.*"));
      assertThat(regex.matches("a".repeat(3_000))).as(pattern).isTrue();
    }
  }

  @Test
  void ecmaScriptSpellingsAreUnderstood() {
    var regex = LinearRegularExpressions.INSTANCE.getRegularExpression("^[\\u0041-\\u005A]+\\u00e9$");
    assertThat(regex.matches("ABC\u00e9")).isTrue();
    assertThat(regex.matches("abc\u00e9")).isFalse();
    assertThat(LinearRegularExpressions.INSTANCE.getRegularExpression("\\\\u0041").matches("\\u0041")).isTrue();
    assertThat(LinearRegularExpressions.INSTANCE.getRegularExpression("^\\d{3}-\\w+$").matches("123-abc")).isTrue();
  }

  @Test
  void oneValidationSpendsOneBudgetAcrossAllItsMatches() {
    var regex = LinearRegularExpressions.INSTANCE.getRegularExpression("[a-z]{1,100}@"); // about 100 states
    String value = "a".repeat(4_000); // about 400,000 units of work
    assertThat(regex.matches(value)).isFalse(); // alone, within what an event loop may spend
    assertThatThrownBy(() -> regex.matches(value + value)).isInstanceOf(LinearRegularExpressions.WorkExceeded.class);
    assertThatThrownBy(() -> LinearRegularExpressions.budgeted(LinearRegularExpressions.WORKER_WORK, () -> {
      for (int i = 0; i < 30; i++) {
        regex.matches(value);
      }
      return null;
    })).isInstanceOf(LinearRegularExpressions.WorkExceeded.class).hasMessageContaining("[a-z]{1,100}@");
    assertThat(LinearRegularExpressions.budgeted(LinearRegularExpressions.WORKER_WORK, () -> regex.matches(value + value)))
        .isFalse(); // a fresh budget each time
  }

  @Test
  void wholeValueMatchingForIdentityValidationExpressions() {
    var valid = LinearRegularExpressions.fullMatch("Bearer [A-Za-z0-9.]+");
    assertThat(valid.test("Bearer abc.def")).isTrue();
    assertThat(valid.test("xBearer abc")).isFalse();
    assertThatThrownBy(() -> LinearRegularExpressions.fullMatch("(?=x)")).isInstanceOf(IllegalArgumentException.class);
  }
}
