package dev.archway;

import dev.archway.config.Settings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Starts Archway: the execute listener (API traffic) and the management listener (AWS API)."
        + "%nEvery option can also be set with the environment variable named in its description.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--data-dir", defaultValue = "${env:ARCHWAY_DATA_DIR:-./data}",
      description = "Directory of the embedded store (ARCHWAY_DATA_DIR). Default: ${DEFAULT-VALUE}")
  Path dataDir;

  @Option(names = "--port", defaultValue = "${env:ARCHWAY_PORT:-8080}",
      description = "Execute listener port (ARCHWAY_PORT). Default: ${DEFAULT-VALUE}")
  int port;

  @Option(names = "--admin-port", defaultValue = "${env:ARCHWAY_ADMIN_PORT:-8081}",
      description = "Management listener port (ARCHWAY_ADMIN_PORT). Default: ${DEFAULT-VALUE}")
  int adminPort;

  @Option(names = "--host", defaultValue = "${env:ARCHWAY_HOST:-127.0.0.1}",
      description = "Execute listener address (ARCHWAY_HOST). Default: ${DEFAULT-VALUE}")
  String host;

  @Option(names = "--admin-host", defaultValue = "${env:ARCHWAY_ADMIN_HOST:-127.0.0.1}",
      description = "Management listener address (ARCHWAY_ADMIN_HOST). Default: ${DEFAULT-VALUE}")
  String adminHost;

  @Option(names = "--region", defaultValue = "${env:ARCHWAY_REGION:-us-east-1}",
      description = "Region of unsigned requests (ARCHWAY_REGION). Default: ${DEFAULT-VALUE}")
  String region;

  @Option(names = "--account-id", defaultValue = "${env:ARCHWAY_ACCOUNT_ID:-000000000000}",
      description = "Account of requests whose key names none (ARCHWAY_ACCOUNT_ID). Default: ${DEFAULT-VALUE}")
  String accountId;

  @Option(names = "--credentials", defaultValue = "${env:ARCHWAY_CREDENTIALS}",
      description = "AWS shared-credentials file; when set, management requests must be SigV4-signed"
          + " with one of its keys (ARCHWAY_CREDENTIALS). Default: dev mode, any well-formed signature.")
  Path credentials;

  @Override
  public Integer call() throws Exception {
    Settings settings = new Settings(dataDir, host, port, adminHost, adminPort, region, accountId, credentials);
    Archway archway = Archway.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      archway.close();
      stopped.countDown();
    }, "archway-shutdown"));
    stopped.await();
    return 0;
  }
}
