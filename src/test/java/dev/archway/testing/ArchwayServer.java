package dev.archway.testing;

import dev.archway.Archway;
import dev.archway.config.Settings;
import dev.archway.runtime.ExecuteLimits;
import dev.archway.websocket.WebSocketLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * JUnit 5 extension: a real Archway on free ports with a temporary data directory, for one test
 * class. Register it as a static field with {@code @RegisterExtension}.
 */
public final class ArchwayServer implements BeforeAllCallback, AfterAllCallback {
  private final UnaryOperator<Settings> configure;
  private final Clock clock;
  private final WebSocketLimits webSockets;
  private Path dataDir;
  private Archway archway;
  private ApiGatewayClient client;

  public ArchwayServer() {
    this(UnaryOperator.identity());
  }

  /** @param configure adjusts the test settings when the server starts (e.g. endpoints of backends started first) */
  public ArchwayServer(UnaryOperator<Settings> configure) {
    this(configure, Clock.systemUTC());
  }

  /** @param clock what CloudWatch and CloudWatch Logs read as now (a {@link MovableClock} drives alarms) */
  public ArchwayServer(UnaryOperator<Settings> configure, Clock clock) {
    this(configure, clock, WebSocketLimits.AWS);
  }

  /** @param webSockets the limits of WebSocket connections (a short idle timeout for the idle test) */
  public ArchwayServer(UnaryOperator<Settings> configure, WebSocketLimits webSockets) {
    this(configure, Clock.systemUTC(), webSockets);
  }

  private ArchwayServer(UnaryOperator<Settings> configure, Clock clock, WebSocketLimits webSockets) {
    this.configure = configure;
    this.clock = clock;
    this.webSockets = webSockets;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    dataDir = Files.createTempDirectory("archway-test");
    archway = Archway.start(configure.apply(Settings.forTests(dataDir)), ExecuteLimits.AWS, webSockets, clock);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (client != null) {
      client.close();
    }
    archway.close();
    TempFiles.deleteTree(dataDir);
  }

  /** The AWS SDK client for the management API, signed as a dev-mode caller in us-east-1. */
  public ApiGatewayClient client() {
    if (client == null) {
      client = client(adminPort(), Region.US_EAST_1, "AKIDTEST", "secret");
    }
    return client;
  }

  /** A client signed for another region: resources are scoped by the region of the signature. */
  public ApiGatewayClient client(Region region) {
    return client(adminPort(), region, "AKIDTEST", "secret");
  }

  public static ApiGatewayClient client(int adminPort, Region region, String accessKey, String secretKey) {
    return ApiGatewayClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + adminPort))
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .httpClient(ApacheHttpClient.create())
        .build();
  }

  public int port() {
    return archway.port();
  }

  public int openWebSocketConnections() {
    return archway.openWebSocketConnections();
  }

  public int adminPort() {
    return archway.adminPort();
  }

  /** The host-style base URL of a stage: {@code http://127.0.0.1:port/{stage}} with the API's Host header to send. */
  public URI pathStyle(String apiId, String stage, String path) {
    return URI.create("http://127.0.0.1:" + port() + "/restapis/" + apiId + "/" + stage + "/_user_request_" + path);
  }

  public static final class TempFiles {
    private TempFiles() {}

    public static void deleteTree(Path root) {
      if (root == null || !Files.exists(root)) {
        return;
      }
      try (var paths = Files.walk(root)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.deleteIfExists(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
