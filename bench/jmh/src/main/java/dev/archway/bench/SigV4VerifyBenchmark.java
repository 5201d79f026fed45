package dev.archway.bench;

import dev.archway.auth.Credential;
import dev.archway.auth.Principal;
import dev.archway.auth.SigV4Verifier;
import dev.archway.auth.SignatureException;
import dev.archway.auth.SignedRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * SigV4Verifier in strict mode on a typical management call (PutIntegration: PUT with a small JSON
 * body), signed by the AWS SDK's own signer: canonical request, payload hash, key derivation and
 * HMAC chain, constant-time compare.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SigV4VerifyBenchmark {
  private static final String KEY = "AKIDEXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final Instant AT = Instant.parse("2025-06-01T12:00:00Z");

  private SigV4Verifier verifier;
  private SignedRequest request;

  @Setup
  public void sign() throws SignatureException {
    byte[] body = "{\"type\":\"HTTP_PROXY\",\"httpMethod\":\"GET\",\"uri\":\"http://backend.internal/pets\"}"
        .getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).protocol("http").host("localhost")
        .port(8081).encodedPath("/restapis/a1b2c3d4e5/resources/abc123/methods/GET/integration")
        .putHeader("Content-Type", "application/x-amz-json-1.1").build();
    SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsCredentialsIdentity.create(KEY, SECRET))
        .request(unsigned)
        .payload(() -> new ByteArrayInputStream(body))
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "apigateway")
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(AT, ZoneOffset.UTC))).request();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    signed.forEachHeader((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
    request = new SignedRequest(signed.method().name(), signed.encodedPath(), null, headers, body);
    verifier = new SigV4Verifier(Map.of(KEY, new Credential(KEY, SECRET, "123456789012")),
        Clock.fixed(AT.plusSeconds(30), ZoneOffset.UTC));
    verifier.verify(request); // a benchmark of a failing verification would measure nothing useful
  }

  @Benchmark
  public Principal verify() throws SignatureException {
    return verifier.verify(request);
  }
}
