package dev.archway.integration;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs outbound calls to AWS APIs (Lambda Invoke, service integrations) with SigV4, using the
 * AWS SDK's own signer. An integration's {@code credentials} role cannot be assumed here, so
 * every call is signed with one static key: the first of {@code --credentials}, else
 * {@code test}/{@code test} as LocalStack expects. Immutable and thread-safe.
 */
public final class AwsSigner {
  /** What LocalStack and most Lambda emulators accept. */
  public static final AwsSigner DUMMY = new AwsSigner("test", "test");

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final AwsCredentialsIdentity identity;

  public AwsSigner(String accessKeyId, String secretAccessKey) {
    this.identity = AwsCredentialsIdentity.create(accessKeyId, secretAccessKey);
  }

  /**
   * Adds {@code Authorization}, {@code X-Amz-Date} and {@code x-amz-content-sha256} to
   * {@code headers}, signing them with the method, URI and body.
   */
  public void sign(String method, URI uri, MultiMap headers, Buffer body, String service, String region) {
    SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    for (String name : headers.names()) {
      unsigned.putHeader(name, headers.getAll(name));
    }
    byte[] bytes = body.getBytes();
    SdkHttpRequest signed = signer.sign(r -> r
        .identity(identity)
        .request(unsigned.build())
        .payload(ContentStreamProvider.fromByteArrayUnsafe(bytes))
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)).request();
    for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
      // Host is what the client derives from the URI itself; sending it twice would break the request.
      if (!header.getKey().equalsIgnoreCase("Host")) {
        headers.set(header.getKey(), header.getValue());
      }
    }
  }

  public String accessKeyId() {
    return identity.accessKeyId();
  }

  @Override
  public String toString() {
    return "AwsSigner(" + identity.accessKeyId() + ")";
  }
}
