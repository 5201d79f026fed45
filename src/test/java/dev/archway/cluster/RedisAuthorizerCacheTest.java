package dev.archway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.auth.AuthorizerResult;
import dev.archway.auth.lambda.AuthorizerCache;
import dev.archway.auth.lambda.LambdaAuthorizerResponse;
import dev.archway.auth.policy.PolicyRequest;
import dev.archway.runtime.httpapi.LambdaAuthorizerStep.Decided;
import io.vertx.core.buffer.Buffer;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the shared authorizer cache writes to Redis reads back as it was, under a key that never shows the token. */
class RedisAuthorizerCacheTest {
  static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:a1b2c3/prod";

  @Test
  void aRestAuthorizerOutputReadsBackWithItsPolicyContextTypesAndUsageKey() {
    LambdaAuthorizerResponse output = LambdaAuthorizerResponse.parse(Buffer.buffer("""
        {"principalId": 42, "usageIdentifierKey": "key-Zoë",
         "policyDocument": {"Version": "2012-10-17", "Statement": [
           {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "%1$s/GET/pets/*"},
           {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "%1$s/GET/pets/secret"}]},
         "context": {"user": "alice ✓", "n": 1, "big": 12345678901234, "huge": 123456789012345678901234567890,
                     "ratio": 0.25, "admin": true, "none": null}}
        """.formatted(ARN)));
    var cache = new RedisAuthorizerCache<>(null, LambdaAuthorizerResponse.CODEC);

    LambdaAuthorizerResponse read = cache.decode(cache.encode(output));

    assertThat(read.principalId()).isEqualTo("42");
    assertThat(read.usageIdentifierKey()).isEqualTo("key-Zoë");
    assertThat(read.policyJson()).isEqualTo(output.policyJson());
    assertThat(read.context()).isEqualTo(output.context()).containsEntry("n", 1).containsEntry("big", 12345678901234L)
        .containsEntry("huge", new BigInteger("123456789012345678901234567890")).containsEntry("admin", true)
        .containsKey("none");
    assertThat(read.context().get("ratio")).isEqualTo(output.context().get("ratio"));
    for (String method : List.of("/GET/pets/1", "/GET/pets/secret", "/POST/pets/1")) { // evaluated again per request
      PolicyRequest request = PolicyRequest.invoke(ARN + method, "10.0.0.1", null);
      assertThat(read.policy().evaluate(request)).as(method).isEqualTo(output.policy().evaluate(request));
    }
    assertThat(read.result()).isEqualTo(output.result());
  }

  @Test
  void anHttpApiDecisionReadsBackAllowedOrNotWithItsContext() {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("user", "bob");
    context.put("n", 7);
    context.put("none", null);
    context.put("ratio", 0.5);
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("roles", java.util.Arrays.asList("a", null));
    nested.put("missing", null);
    context.put("nested", nested);
    var cache = new RedisAuthorizerCache<>(null, Decided.CODEC);
    for (boolean allowed : new boolean[] {true, false}) {
      Decided decided = new Decided(allowed, new AuthorizerResult("p", context, Map.of(), "usage-key"));

      assertThat(cache.decode(cache.encode(decided))).isEqualTo(decided);
    }
    Decided simple = new Decided(true, new AuthorizerResult(null, Map.of(), Map.of(), null));
    assertThat(cache.decode(cache.encode(simple))).isEqualTo(simple);
  }

  @Test
  void whatIsNotAnEntryOfThisFormatIsAMiss() {
    var cache = new RedisAuthorizerCache<>(null, LambdaAuthorizerResponse.CODEC);
    assertThat(cache.decode(Buffer.buffer())).isNull();
    assertThat(cache.decode(Buffer.buffer("{\"principalId\":\"x\"}"))).isNull();
    assertThat(cache.decode(Buffer.buffer().appendByte((byte) 1).appendString("{\"principalId\":\"x\"}"))).isNull();
  }

  @Test
  void theKeyNamesDeploymentAndAuthorizerAndHashesTheIdentity() {
    String token = "Bearer secret-token";
    String key = RedisAuthorizerCache.entry(new AuthorizerCache.Key("api", "prod", "d1", "auth", List.of(token)));

    assertThat(key).startsWith("d1:auth:").doesNotContain("secret").hasSize("d1:auth:".length() + 64);
    assertThat(RedisAuthorizerCache.entry(new AuthorizerCache.Key("api", "prod", "d1", "auth", List.of("a,b"))))
        .isNotEqualTo(RedisAuthorizerCache.entry(new AuthorizerCache.Key("api", "prod", "d1", "auth", List.of("a", "b"))));
    assertThat(RedisAuthorizerCache.entry(new AuthorizerCache.Key("api", "beta", "d1", "auth", List.of(token))))
        .isEqualTo(key); // the stage is the generation's key, not the entry's
  }
}
