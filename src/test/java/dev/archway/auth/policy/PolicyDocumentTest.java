package dev.archway.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {
  static final String API = "arn:aws:execute-api:us-east-1:111122223333:abc123";

  static PolicyDocument policy(String statements) {
    return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}",
        r -> MethodArn.expand(r, API));
  }

  static Decision decide(PolicyDocument policy, String method, String path, String ip) {
    return policy.evaluate(PolicyRequest.invoke(MethodArn.of(API, "prod", method, path), ip, null));
  }

  @Test
  void wildcardsMatchStarsAndQuestionMarksWithoutRegex() {
    assertThat(new Wildcard("arn:*:GET/pets/*").matches("arn:x:GET/pets/1/toys")).isTrue();
    assertThat(new Wildcard("a?c").matches("abc")).isTrue();
    assertThat(new Wildcard("a?c").matches("ac")).isFalse();
    assertThat(new Wildcard("*").matches("")).isTrue();
    assertThat(new Wildcard("a*b*c").matches("a".repeat(5000) + "b")).isFalse();
    assertThat(new Wildcard("execute-api:*").matchesIgnoringCase("EXECUTE-API:Invoke")).isTrue();
    assertThat(new Wildcard("GET").matches("get")).isFalse();
  }

  @Test
  void anExplicitDenyWinsAndNothingMatchingIsAnImplicitDeny() {
    PolicyDocument policy = policy("""
        {"Effect":"Allow","Action":"execute-api:*","Resource":"execute-api:/*"},
        {"Effect":"Deny","Action":"execute-api:Invoke","Resource":"execute-api:/prod/DELETE/*"}""");
    assertThat(decide(policy, "GET", "/pets", null)).isEqualTo(Decision.ALLOW);
    assertThat(decide(policy, "DELETE", "/pets/1", null)).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(decide(policy("{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + API + "/prod/GET/\"}"),
        "GET", "/pets", null)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(policy("{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + API + "/prod/GET/\"}"),
        "GET", "", null)).isEqualTo(Decision.ALLOW);
  }

  @Test
  void notActionAndNotResourceInvertTheMatch() {
    PolicyDocument policy = policy("""
        {"Effect":"Allow","Action":"*","NotResource":"execute-api:/*/POST/*"}""");
    assertThat(decide(policy, "GET", "/a", null)).isEqualTo(Decision.ALLOW);
    assertThat(decide(policy, "POST", "/a", null)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(policy("{\"Effect\":\"Allow\",\"NotAction\":\"execute-api:Invoke\",\"Resource\":\"*\"}"), "GET", "/a", null))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void sourceIpConditionsTakeIpv4AndIpv6Blocks() {
    PolicyDocument policy = policy("""
        {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*",
         "Condition":{"IpAddress":{"aws:SourceIp":["192.0.2.0/24","2001:db8::/32"]}}}""");
    assertThat(decide(policy, "GET", "/", "192.0.2.77")).isEqualTo(Decision.ALLOW);
    assertThat(decide(policy, "GET", "/", "192.0.3.1")).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(policy, "GET", "/", "2001:db8:1::5")).isEqualTo(Decision.ALLOW);
    assertThat(decide(policy, "GET", "/", "::ffff:192.0.2.1")).isEqualTo(Decision.ALLOW);
    assertThat(decide(policy, "GET", "/", null)).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void aNegatedOperatorOnAnAbsentKeyMatchesAndUnknownConditionsFailClosed() {
    PolicyDocument vpceOnly = policy("""
        {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"},
        {"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*",
         "Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}""");
    assertThat(decide(vpceOnly, "GET", "/", "10.0.0.1")).isEqualTo(Decision.EXPLICIT_DENY);
    PolicyDocument unknownAllow = policy("""
        {"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2030-01-01"}}}""");
    assertThat(decide(unknownAllow, "GET", "/", null)).isEqualTo(Decision.IMPLICIT_DENY);
    PolicyDocument unknownDeny = policy("""
        {"Effect":"Allow","Action":"execute-api:Invoke","Resource":"*"},
        {"Effect":"Deny","Action":"execute-api:Invoke","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}""");
    assertThat(decide(unknownDeny, "GET", "/", null)).isEqualTo(Decision.EXPLICIT_DENY);
  }

  @Test
  void principalsNameEveryoneOrAccounts() {
    PolicyDocument policy = policy("""
        {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:root"]},"Action":"execute-api:Invoke","Resource":"*"}""");
    String arn = MethodArn.of(API, "prod", "GET", "/");
    assertThat(policy.evaluate(PolicyRequest.invoke(arn, null, null))).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(policy.evaluate(PolicyRequest.invoke(arn, null, new PolicyRequest.Caller(null, "444455556666"))))
        .isEqualTo(Decision.ALLOW);
    assertThat(policy.evaluate(PolicyRequest.invoke(arn, null, new PolicyRequest.Caller(null, "111122223333"))))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void malformedDocumentsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> PolicyDocument.parse("{", UnaryOperator.identity())).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> policy("{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}"))
        .hasMessageContaining("Effect");
    assertThatThrownBy(() -> policy("{\"Effect\":\"Allow\",\"Resource\":\"*\"}")).hasMessageContaining("Action");
    assertThatThrownBy(() -> policy("""
        {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"example.com"}}}"""))
        .hasMessageContaining("aws:SourceIp: example.com");
  }
}
