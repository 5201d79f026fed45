package dev.archway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer.TempFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * Start-up mistakes, through the real command line ({@link Main#commandLine()}): each prints one
 * line on stderr naming the flag, file or listener, the value and what was expected, no stack
 * trace, and exits 2 (usage) or 1 (what the machine refused).
 */
class StartupErrorsTest {
  private Path dir;

  @BeforeEach
  void dir() throws IOException {
    dir = Files.createTempDirectory("archway-startup");
  }

  @AfterEach
  void clean() {
    TempFiles.deleteTree(dir);
  }

  record Outcome(int exitCode, String stderr) {}

  private Outcome serve(String... flags) {
    List<String> args = new ArrayList<>(List.of("serve", "--data-dir", dir.resolve("data").toString()));
    args.addAll(List.of(flags));
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int code = cli.execute(args.toArray(String[]::new));
    return new Outcome(code, err.toString());
  }

  private static String line(String text) {
    return text + System.lineSeparator();
  }

  @Test
  void accountThrottleWithoutBurstIsAUsageError() {
    assertThat(serve("--account-throttle", "5")).isEqualTo(new Outcome(2,
        line("archway serve: --account-throttle: 5 (expected: RATE,BURST such as 10000,5000)")));
  }

  @Test
  void lambdaEndpointWithoutSchemeIsAUsageError() {
    assertThat(serve("--lambda-endpoint", "localhost:9001")).isEqualTo(new Outcome(2,
        line("archway serve: --lambda-endpoint: localhost:9001 (expected: an absolute http or https URL)")));
  }

  @Test
  void unknownConfigKeyNamesFileAndKey() throws IOException {
    Path config = Files.writeString(dir.resolve("archway.yaml"), "lambda:\n  endpont: http://localhost:9001\n");
    assertThat(serve("--config", config.toString())).isEqualTo(new Outcome(2,
        line("archway serve: --config " + config + ": unknown key lambda.endpont (expected: lambda.endpoint,"
            + " lambda.endpoints.<region>, aws.endpoints.<service>, cognito.issuers.<user pool id> or sns.topics.<topic ARN>)")));
  }

  @Test
  void missingConfigFileNamesIt() {
    Path config = dir.resolve("missing.yaml");
    assertThat(serve("--config", config.toString())).isEqualTo(new Outcome(2,
        line("archway serve: --config " + config + ": No such file or directory (expected: a readable YAML file)")));
  }

  @Test
  void badValuesOfOtherFlagsAreUsageErrorsToo() {
    assertThat(serve("--region", "mars")).isEqualTo(new Outcome(2,
        line("archway serve: --region: mars (expected: an AWS region name such as us-east-1)")));
    assertThat(serve("--public-url", "http://localhost:8080")).isEqualTo(new Outcome(2,
        line("archway serve: --public-url: http://localhost:8080 (expected: an http or https URL with no path whose host"
            + " starts with {apiId}.execute-api., e.g. http://{apiId}.execute-api.localhost:{port})")));
    assertThat(serve("--no-such-flag")).isEqualTo(new Outcome(2, line("archway serve: Unknown option: '--no-such-flag'")));
  }

  @Test
  void missingCredentialsFileIsAUsageError() {
    Path credentials = dir.resolve("credentials");
    assertThat(serve("--credentials", credentials.toString(), "--port", "0", "--admin-port", "0")).isEqualTo(new Outcome(2,
        line("archway serve: --credentials " + credentials
            + ": No such file or directory (expected: a readable AWS shared-credentials file)")));
  }

  @Test
  void busyExecutePortNamesTheListener() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThat(serve("--port", Integer.toString(port), "--admin-port", "0")).isEqualTo(new Outcome(1,
          line("archway serve: execute listener: cannot listen on 127.0.0.1:" + port + ": Address already in use")));
    }
  }

  /** Archway's own sockets set SO_REUSEPORT: a second Archway on the port must still fail, not share the traffic. */
  @Test
  @Timeout(60) // without the check, serve starts and shares the port: it would never return
  void portSharedByReusePortIsBusyToo() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();
      assertThat(serve("--port", Integer.toString(port), "--admin-port", "0")).isEqualTo(new Outcome(1,
          line("archway serve: execute listener: cannot listen on 127.0.0.1:" + port + ": Address already in use")));
    }
  }

  @Test
  void busyManagementPortNamesTheListener() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThat(serve("--port", "0", "--admin-port", Integer.toString(port))).isEqualTo(new Outcome(1,
          line("archway serve: management listener: cannot listen on 127.0.0.1:" + port + ": Address already in use")));
    }
  }

  @Test
  void unusableDataDirNamesThePathAndTheReason() throws IOException {
    // A file where a directory should be: refused even to root, which can write anywhere else.
    Path file = Files.writeString(dir.resolve("a-file"), "");
    Path dataDir = file.resolve("data");
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("serve", "--data-dir", dataDir.toString(), "--port", "0", "--admin-port", "0");
    assertThat(new Outcome(code, err.toString())).isEqualTo(new Outcome(1,
        line("archway serve: --data-dir " + dataDir + ": cannot create the directory: Not a directory")));
  }
}
