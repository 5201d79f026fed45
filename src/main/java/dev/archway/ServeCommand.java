package dev.archway;

import dev.archway.config.ClusterSettings;
import dev.archway.config.ConfigFile;
import dev.archway.config.Endpoints;
import dev.archway.config.PublicUrl;
import dev.archway.config.Observability;
import dev.archway.config.Settings;
import dev.archway.integration.EgressPolicy;
import dev.archway.runtime.ExecuteLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Starts Archway: the execute listener (API traffic) and the management listener (AWS API)."
        + "%nEvery option can also be set with the environment variable named in its description.")
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

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

  @Option(names = "--lambda-endpoint", defaultValue = "${env:ARCHWAY_LAMBDA_ENDPOINT}",
      description = "Lambda Invoke API for Lambda integrations: AWS, a Lambda-compatible server or the runtime"
          + " interface emulator (ARCHWAY_LAMBDA_ENDPOINT). Default: none")
  String lambdaEndpoint;

  @Option(names = "--aws-endpoint", split = ",", paramLabel = "SERVICE=URL", defaultValue = "${env:ARCHWAY_AWS_ENDPOINTS}",
      description = "Endpoint of an AWS service for AWS integrations, e.g. sqs=http://localhost:4566; repeatable"
          + " (ARCHWAY_AWS_ENDPOINTS, comma-separated). Default: none")
  List<String> awsEndpoints;

  @Option(names = "--config", defaultValue = "${env:ARCHWAY_CONFIG}",
      description = "YAML file with lambda.endpoint, lambda.endpoints.<region>, aws.endpoints.<service>, cognito.issuers.<pool>"
          + " and sns.topics.<topic ARN> (alarm webhooks);"
          + " flags win over it (ARCHWAY_CONFIG). Default: none")
  Path config;

  @Option(names = "--account-throttle", paramLabel = "RATE,BURST", defaultValue = "${env:ARCHWAY_ACCOUNT_THROTTLE:-10000,5000}",
      description = "Account-level throttle of every account and region: requests per second and burst"
          + " (ARCHWAY_ACCOUNT_THROTTLE). Default: AWS's ${DEFAULT-VALUE}")
  String accountThrottle;

  @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:ARCHWAY_PUBLIC_URL}",
      description = "Address APIs report to clients (v2 apiEndpoint, domain names): {apiId} starts the host, which goes on"
          + " with .execute-api.; {port} is the execute listener's port (ARCHWAY_PUBLIC_URL). Default: http://{apiId}.execute-api.localhost:{port}")
  String publicUrl;

  @Option(names = "--header-timeout", paramLabel = "SECONDS", defaultValue = "${env:ARCHWAY_HEADER_TIMEOUT:-10}",
      description = "Seconds a client has to send a request's head, from its first byte; then 408 and the connection"
          + " closes. A body gets as long plus a second per 500 bytes (ARCHWAY_HEADER_TIMEOUT). Default: ${DEFAULT-VALUE}")
  int headerTimeout;

  @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "${env:ARCHWAY_IDLE_TIMEOUT:-60}",
      description = "Seconds a keep-alive connection may wait for its next request, or a client may leave its answer"
          + " unread, before it is closed (ARCHWAY_IDLE_TIMEOUT). Default: ${DEFAULT-VALUE}")
  int idleTimeout;

  @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "${env:ARCHWAY_DRAIN_TIMEOUT:-30}",
      description = "On SIGTERM or Ctrl-C, seconds the requests in flight have to finish before the rest are cut"
          + " (ARCHWAY_DRAIN_TIMEOUT). Default: ${DEFAULT-VALUE}")
  int drainTimeout;

  @Option(names = "--egress-deny", paramLabel = "CIDR,...", defaultValue = "${env:ARCHWAY_EGRESS_DENY}",
      description = "Address blocks integrations, authorizers and JWKS fetches may not reach (ARCHWAY_EGRESS_DENY)."
          + " Default: none; link-local, metadata services and the management listener are always refused")
  String egressDeny;

  @Option(names = "--egress-allow", paramLabel = "CIDR,...", defaultValue = "${env:ARCHWAY_EGRESS_ALLOW}",
      description = "Blocks inside --egress-deny that are allowed again; the more specific block wins (ARCHWAY_EGRESS_ALLOW)")
  String egressAllow;

  @Option(names = "--metrics", paramLabel = "on|off", defaultValue = "${env:ARCHWAY_METRICS:-on}",
      description = "Count API traffic into metrics: CloudWatch's AWS/ApiGateway and Archway/Usage series and the"
          + " Prometheus request series of /metrics (ARCHWAY_METRICS). Default: on")
  String metrics;

  @Option(names = "--access-log", paramLabel = "-|FILE", defaultValue = "${env:ARCHWAY_ACCESS_LOG}",
      description = "Also write every access-log line to standard output (-) or append it to FILE (ARCHWAY_ACCESS_LOG)."
          + " Default: only to each stage's log group")
  Path accessLog;

  @Option(names = "--store", paramLabel = "URL", defaultValue = "${env:ARCHWAY_STORE}",
      description = "PostgreSQL shared by several nodes: postgresql://user:password@host:5432/database or a JDBC URL"
          + " (ARCHWAY_STORE). Default: the embedded SQLite store in --data-dir")
  String store;

  @Option(names = "--redis", paramLabel = "URL", defaultValue = "${env:ARCHWAY_REDIS}",
      description = "Redis shared by the nodes of --store for throttles, quotas and WebSocket delivery:"
          + " redis://host:6379 (ARCHWAY_REDIS). Default: none, each node limits on its own")
  String redis;

  @Option(names = "--node-id", paramLabel = "NAME", defaultValue = "${env:ARCHWAY_NODE_ID}",
      description = "This node's name among the others: membership, health, metrics (ARCHWAY_NODE_ID). Default: the host name")
  String nodeId;

  @Override
  public Integer call() throws Exception {
    ExecuteLimits limits = limits();
    Archway archway = Archway.start(settings(), limits);
    // SIGTERM and Ctrl-C drain (a second one stops at once); any other end of the JVM still closes.
    CountDownLatch stop = new CountDownLatch(1);
    for (String name : List.of("TERM", "INT")) {
      Signal.handle(new Signal(name), signal -> {
        if (stop.getCount() == 0) {
          Runtime.getRuntime().halt(128 + signal.getNumber());
        }
        stop.countDown();
      });
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      archway.close();
      Main.flushLogs();
    }, "archway-shutdown"));
    stop.await();
    archway.drain(Duration.ofSeconds(drainTimeout));
    return 0;
  }

  /** The execute listener's deadlines; a value out of range is a usage error. */
  private ExecuteLimits limits() {
    if (headerTimeout < 1 || idleTimeout < 1 || drainTimeout < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--header-timeout " + headerTimeout + ", --idle-timeout "
          + idleTimeout + ", --drain-timeout " + drainTimeout + " (expected: seconds, >= 1, >= 1 and >= 0)");
    }
    return ExecuteLimits.AWS.withTimeouts(Duration.ofSeconds(headerTimeout), Duration.ofSeconds(idleTimeout));
  }

  /** The flags, environment and config file as validated settings; a bad value is a usage error (one line, exit 2). */
  private Settings settings() {
    try {
      Endpoints fromFlags = new Endpoints(
          lambdaEndpoint == null || lambdaEndpoint.isBlank() ? null : Endpoints.uri("--lambda-endpoint", lambdaEndpoint),
          Map.of(), Endpoints.parseServiceEntries(awsEndpoints == null ? List.of() : awsEndpoints));
      Endpoints endpoints = config == null ? fromFlags : ConfigFile.endpoints(config).overriddenBy(fromFlags);
      return new Settings(dataDir, host, port, adminHost, adminPort, region, accountId, credentials, endpoints,
          Settings.parseThrottle(accountThrottle), publicUrl == null || publicUrl.isBlank() ? PublicUrl.DEFAULT : new PublicUrl(publicUrl),
          EgressPolicy.of(egressDeny, egressAllow),
          new Observability(Observability.parseSwitch("--metrics", metrics), accessLog,
              Observability.otelVariables(System.getenv())), ClusterSettings.of(store, redis, nodeId));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
