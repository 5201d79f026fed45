package dev.archway;

import dev.archway.auth.CredentialsFile;
import dev.archway.auth.jwt.JwksFetcher;
import dev.archway.auth.jwt.JwtValidators;
import dev.archway.auth.lambda.LambdaAuthorizerResponse;
import dev.archway.auth.lambda.LambdaAuthorizerInvoker;
import dev.archway.auth.SigV4Verifier;
import dev.archway.config.OsReason;
import dev.archway.cloudwatch.AwsServicesEndpoint;
import dev.archway.cloudwatch.logs.LogLimits;
import dev.archway.cloudwatch.logs.LogsService;
import dev.archway.cloudwatch.monitoring.CloudWatchService;
import dev.archway.cluster.ClusterNode;
import dev.archway.config.ClusterSettings;
import dev.archway.config.Settings;
import dev.archway.control.ManagementServer;
import dev.archway.control.Serving;
import dev.archway.deploy.UsageControls;
import dev.archway.deploy.AccessSync;
import dev.archway.deploy.AuthControl;
import dev.archway.deploy.AwsIntegrations;
import dev.archway.deploy.DeploymentCompiler;
import dev.archway.deploy.DomainSync;
import dev.archway.deploy.HttpApiCompiler;
import dev.archway.deploy.HttpApiThrottles;
import dev.archway.deploy.HttpAuthorizers;
import dev.archway.deploy.LiveDomains;
import dev.archway.deploy.LiveHttpApis;
import dev.archway.deploy.LiveStages;
import dev.archway.deploy.StageSync;
import dev.archway.deploy.WebSocketCompiler;
import dev.archway.deploy.LiveWebSocketApis;
import dev.archway.integration.AwsSigner;
import dev.archway.integration.EgressPolicy;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.LambdaInvoker;
import dev.archway.runtime.ExecuteLimits;
import dev.archway.runtime.ExecuteServer;
import dev.archway.runtime.FrontDoor;
import dev.archway.observe.Telemetry;
import dev.archway.observe.UsageAnalytics;
import dev.archway.websocket.Connections;
import dev.archway.websocket.WebSocketGateway;
import dev.archway.websocket.WebSocketLimits;
import dev.archway.runtime.TemplateRunner;
import dev.archway.runtime.httpapi.LambdaAuthorizerStep.Decided;
import dev.archway.store.JdbcStore;
import dev.archway.store.Store;
import dev.archway.store.StoreException;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.Buckets;
import dev.archway.traffic.QuotaLedger;
import dev.archway.traffic.StoreQuotaCounters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Archway: the store, the stage snapshots, and the two listeners. The one place the
 * parts are wired together; {@code serve} and the tests both start it here.
 */
public final class Archway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Archway.class);

  private final Vertx vertx;
  private final Store store;
  private final ExecuteServer execute;
  private final ManagementServer management;
  private final AccessSync access;
  private final LogsService logs;
  private final CloudWatchService monitoring;
  private final Telemetry telemetry;
  /** Set when the server stops taking traffic: {@code /health/ready} answers 503 from then on. */
  private final AtomicBoolean draining;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Connections webSockets;
  private final ClusterNode cluster;

  private Archway(Vertx vertx, Store store, ExecuteServer execute, ManagementServer management, AccessSync access,
      LogsService logs, CloudWatchService monitoring, Telemetry telemetry, AtomicBoolean draining,
      Connections webSockets, ClusterNode cluster) {
    this.telemetry = telemetry;
    this.cluster = cluster;
    this.webSockets = webSockets;
    this.vertx = vertx;
    this.store = store;
    this.execute = execute;
    this.management = management;
    this.access = access;
    this.logs = logs;
    this.monitoring = monitoring;
    this.draining = draining;
  }

  /**
   * Starts everything and returns once both listeners accept connections.
   *
   * @throws StartFailure naming the file, directory or listener that cannot be used, and why
   */
  public static Archway start(Settings settings) {
    return start(settings, ExecuteLimits.AWS, WebSocketLimits.AWS, Clock.systemUTC());
  }

  /** The same, with the execute listener's limits and deadlines ({@code --header-timeout}, {@code --idle-timeout}). */
  public static Archway start(Settings settings, ExecuteLimits limits) {
    return start(settings, limits, WebSocketLimits.AWS, Clock.systemUTC());
  }

  /**
   * As {@link #start(Settings)}, CloudWatch and CloudWatch Logs reading {@code telemetryClock}
   * (alarm evaluation, metric and log ages): tests move it to drive alarms without waiting.
   */
  public static Archway start(Settings settings, Clock telemetryClock) {
    return start(settings, ExecuteLimits.AWS, WebSocketLimits.AWS, telemetryClock);
  }

  /** The same, with the limits of WebSocket connections (tests shorten the idle timeout). */
  public static Archway start(Settings settings, ExecuteLimits limits, WebSocketLimits webSocketLimits) {
    return start(settings, limits, webSocketLimits, Clock.systemUTC());
  }

  /** Everything chosen: execute limits, WebSocket limits, and the clock CloudWatch and its Logs read. */
  public static Archway start(Settings settings, ExecuteLimits limits, WebSocketLimits webSocketLimits,
      Clock telemetryClock) {
    AtomicBoolean draining = new AtomicBoolean();
    Map<String, dev.archway.auth.Credential> credentials = credentials(settings.credentialsFile());
    JdbcStore store = openStore(settings);
    // Native epoll where it loads (Linux): fewer syscalls and copies per request than NIO.
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    if (!vertx.isNativeTransportEnabled()) {
      log.info("native transport unavailable, using NIO: {}", String.valueOf(vertx.unavailableNativeTransportCause()));
    }
    LogsService logs = null;
    CloudWatchService monitoring = null;
    Telemetry telemetry = null;
    AtomicReference<String> address = new AtomicReference<>(settings.host());
    ClusterNode cluster = cluster(vertx, settings, store, address);
    // The data plane reads its configuration here: the shared store, or its snapshot while the store is away.
    Store configuration = cluster.configuration();
    try {
      LiveStages stages = new LiveStages();
      // One policy for every outbound call; it learns the management listener's address once that is bound.
      AtomicReference<EgressPolicy> egress = new AtomicReference<>(settings.egress());
      HttpProxyIntegration http = HttpProxyIntegration.create(vertx, egress::get);
      AwsIntegrations aws = new AwsIntegrations(http, settings.endpoints()::lambdaFor, settings.endpoints()::service,
          outboundSigner(credentials), settings.accountId());
      LiveAccess live = new LiveAccess();
      Buckets buckets = cluster.buckets();
      QuotaLedger quotas = new QuotaLedger(new StoreQuotaCounters(configuration), Clock.systemUTC(), cluster.quotas());
      AccessSync usage = new AccessSync(vertx, configuration, live, buckets, quotas, settings.accountThrottle());
      usage.start().await();
      AuthControl authorization = accessControl(vertx, http, JwksFetcher.create(vertx, egress::get), settings, credentials,
          cluster);
      // One worker pool renders every mapping template, so none renders on an event loop.
      DeploymentCompiler compiler = new DeploymentCompiler(http, aws, TemplateRunner.shared(vertx, settings.accountId()),
          new UsageControls(live, buckets), authorization, cluster.responseCaches());
      LiveHttpApis httpApis = new LiveHttpApis();
      HttpApiThrottles routeThrottles = new HttpApiThrottles(live, buckets);
      HttpApiCompiler httpCompiler = new HttpApiCompiler(http, aws, new HttpAuthorizers(authorization), routeThrottles);
      Connections connections = cluster.connections();
      LiveWebSocketApis webSocketApis = new LiveWebSocketApis();
      WebSocketCompiler webSocketCompiler =
          new WebSocketCompiler(http, aws, routeThrottles, live, authorization, connections, webSocketLimits);
      StageSync sync = new StageSync(vertx, configuration, compiler, stages, httpCompiler, httpApis, webSocketCompiler, webSocketApis);
      sync.start().await();
      LiveDomains domains = new LiveDomains();
      DomainSync domainSync = new DomainSync(vertx, configuration, domains);
      domainSync.start().await();
      logs = LogsService.start(vertx, store, settings.dataDir(), LogLimits.DEFAULT, telemetryClock);
      monitoring = new CloudWatchService(vertx, store, settings.endpoints()::snsTopic, telemetryClock);
      cluster.recordOutages(monitoring.sink(), settings.accountId(), settings.region());
      telemetry = telemetry(vertx, settings, monitoring, logs, connections);
      Telemetry observers = telemetry;
      UsageAnalytics usageAnalytics = new UsageAnalytics(vertx, monitoring.metrics(), settings.accountId() + ":" + settings.region());
      AwsServicesEndpoint cloudWatch = new AwsServicesEndpoint(vertx, credentials, Clock.systemUTC(), settings.accountId(),
          settings.region(), List.of(monitoring.service(), logs.service()));
      ExecuteServer execute = listening("execute listener", settings.host(), settings.port(),
          ExecuteServer.start(vertx, settings.host(), settings.port(),
              // A WebSocket stage's @connections API is served as a REST-like stage of the same name.
              new FrontDoor((apiId, stage) -> {
                var rest = stages.find(apiId, stage);
                return rest != null ? rest : webSocketApis.connectionsApi(apiId, stage);
              }, httpApis, domains, limits, telemetry.sink()), Runtime.getRuntime().availableProcessors(),
              new WebSocketGateway(vertx, webSocketApis, connections, webSocketLimits,
                  TemplateRunner.shared(vertx, settings.accountId()), telemetry.sink())));
      ManagementServer management = listening("management listener", settings.adminHost(), settings.adminPort(),
          ManagementServer.start(vertx, settings.adminHost(), settings.adminPort(), store,
          new SigV4Verifier(credentials, Clock.systemUTC()), settings.accountId(), settings.region(),
          new Serving(sync::notReady, () -> Future.all(sync.settled(), usage.settled(), domainSync.settled()).mapEmpty(), quotas,
              settings.accountThrottle(), draining::get, cluster::status),
          settings.publicUrl().at(execute.port()), compiler, httpCompiler, webSocketCompiler, authorization,
          router -> {
            cloudWatch.mount(router);
            observers.mount(router);
            usageAnalytics.mount(router);
          }));
      egress.set(settings.egress().withManagementListener(new InetSocketAddress(settings.adminHost(), management.port())));
      address.set(settings.host() + ":" + execute.port() + " (management " + settings.adminHost() + ":" + management.port() + ")");
      log.info("Archway {} serving APIs on {}:{} and the management API on {}:{} ({} mode, data in {}{})",
          VersionCommand.version(), settings.host(), execute.port(), settings.adminHost(), management.port(),
          credentials.isEmpty() ? "dev" : "signed", settings.dataDir(), settings.cluster().sharedStore()
              ? ", store " + settings.cluster().store() + " as node " + settings.cluster().nodeId() : "");
      return new Archway(vertx, store, execute, management, usage, logs, monitoring, telemetry, draining, connections, cluster);
    } catch (RuntimeException e) {
      cluster.close();
      // Their threads write to the store: they stop before it closes.
      if (telemetry != null) {
        telemetry.close();
      }
      if (monitoring != null) {
        monitoring.close();
      }
      if (logs != null) {
        logs.close();
      }
      vertx.close().await();
      store.close();
      throw e;
    }
  }

  /** Metrics, access logs and tracing; an {@code --access-log} file that cannot be opened names the OS's reason. */
  private static Telemetry telemetry(Vertx vertx, Settings settings, CloudWatchService monitoring, LogsService logs,
      Connections connections) {
    try {
      return Telemetry.start(vertx, settings, monitoring.sink(), logs.sink(), connections::size);
    } catch (IOException e) {
      throw StartFailure.runtime("--access-log " + settings.observability().accessLog() + ": cannot append to the file: "
          + OsReason.of(e), e);
    }
  }

  /** The keys of {@code --credentials}; none (dev mode) without the flag. */
  private static Map<String, dev.archway.auth.Credential> credentials(Path file) {
    try {
      return file == null ? Map.of() : CredentialsFile.parse(file);
    } catch (IOException e) {
      throw StartFailure.usage("--credentials " + file + ": " + OsReason.of(e) + " (expected: a readable AWS shared-credentials file)", e);
    } catch (IllegalArgumentException e) {
      throw StartFailure.usage("--credentials " + e.getMessage(), e);
    }
  }

  /**
   * The store: PostgreSQL with {@code --store}, else SQLite in {@code --data-dir}, created when
   * missing; a directory or database that cannot be used names the OS's or the database's reason.
   */
  private static JdbcStore openStore(Settings settings) {
    Path dataDir = settings.dataDir();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw StartFailure.runtime("--data-dir " + dataDir + ": cannot create the directory: " + OsReason.of(e), e);
    }
    if (!Files.isWritable(dataDir)) {
      throw StartFailure.runtime("--data-dir " + dataDir + ": cannot write in the directory: Permission denied", null);
    }
    ClusterSettings.Postgres postgres = settings.cluster().store();
    if (postgres != null) {
      try {
        return JdbcStore.postgresql(postgres.jdbcUrl(), postgres.user(), postgres.password(),
            "archway-" + settings.cluster().nodeId());
      } catch (StoreException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw StartFailure.runtime("--store " + postgres.jdbcUrl() + ": cannot open the store: " + cause.getMessage(), e);
      }
    }
    try {
      return JdbcStore.sqlite(dataDir);
    } catch (StoreException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw StartFailure.runtime("--data-dir " + dataDir + ": cannot open the store: " + cause.getMessage(), e);
    }
  }

  /** This node among the others; a shared store that is away with no whole snapshot to serve fails the start. */
  private static ClusterNode cluster(Vertx vertx, Settings settings, JdbcStore store, AtomicReference<String> address) {
    try {
      return ClusterNode.start(vertx, settings.cluster(), store, settings.dataDir(), address::get);
    } catch (StoreException e) {
      vertx.close().await();
      store.close();
      throw StartFailure.runtime("--store " + settings.cluster().store() + ": cannot serve: " + e.getMessage(), e);
    }
  }

  /** Waits for a listener; a port that cannot be bound names the listener, the address and the OS's reason. */
  private static <T> T listening(String listener, String host, int port, Future<T> started) {
    try {
      return started.await();
    } catch (Exception e) { // await() rethrows the failure as it is, checked or not (Netty's NativeIoException)
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      // Netty's native transport says "bind(..) failed with error(-98): Address already in use"; the JDK the reason alone.
      String reason = String.valueOf(cause.getMessage()).replaceFirst("^bind\\(\\.\\.\\) failed( with error\\(-?\\d+\\))?: ", "");
      throw StartFailure.runtime(listener + ": cannot listen on " + host + ":" + port + ": " + reason, e);
    }
  }

  /**
   * Authorizers, AWS_IAM and resource policies: Lambda authorizers through the Invoke API (signed
   * like Lambda integrations), Cognito tokens against their issuer's keys, SigV4 for execute-api
   * with the keys of --credentials (dev mode without).
   */
  private static AuthControl accessControl(Vertx vertx, HttpProxyIntegration http, JwksFetcher jwks, Settings settings,
      Map<String, dev.archway.auth.Credential> credentials, ClusterNode cluster) {
    Clock clock = Clock.systemUTC();
    LambdaInvoker lambda = new LambdaInvoker(http, settings.endpoints()::lambdaFor, outboundSigner(credentials));
    return new AuthControl(new LambdaAuthorizerInvoker(lambda), cluster.authorizerCache(LambdaAuthorizerResponse.CODEC),
        cluster.authorizerCache(Decided.CODEC),
        new JwtValidators(jwks, clock), new SigV4Verifier(credentials, clock, "execute-api"),
        settings.endpoints()::cognitoIssuer, settings.accountId(), settings.region());
  }

  /**
   * The key that signs calls to Lambda and AWS services. An integration's credentials role cannot be
   * assumed here: the first key of --credentials signs, else LocalStack's test/test.
   */
  private static AwsSigner outboundSigner(Map<String, dev.archway.auth.Credential> credentials) {
    return credentials.values().stream().findFirst()
        .map(c -> new AwsSigner(c.accessKeyId(), c.secretAccessKey()))
        .orElse(AwsSigner.DUMMY);
  }

  /** The execute listener's port (API traffic). */
  /** WebSocket connections open on this node. */
  public int openWebSocketConnections() {
    return webSockets.size();
  }

  public int port() {
    return execute.port();
  }

  /** The management listener's port (AWS API). */
  public int adminPort() {
    return management.port();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    cluster.close();
    vertx.close().await();
    // After the listeners stopped: the quota counted since the last flush survives the restart.
    access.stop();
    telemetry.close();
    monitoring.close();
    logs.close();
    store.close();
  }

  /**
   * Stops gracefully: {@code /health/ready} answers 503 at once, the execute listener stops
   * accepting, its idle connections close, and the requests in flight are answered (each answer
   * closing its connection) for up to {@code timeout}; then everything closes. One log line when
   * draining starts, one when it is done.
   */
  public void drain(Duration timeout) {
    if (!draining.compareAndSet(false, true)) {
      return;
    }
    long started = System.nanoTime();
    log.info("draining: new connections are refused, /health/ready answers 503, requests in flight have up to {} s",
        timeout.toSeconds());
    int cut = execute.drain(timeout).await();
    close();
    log.info("stopped: drained in {} ms{}", (System.nanoTime() - started) / 1_000_000,
        cut == 0 ? "" : ", " + cut + " connection(s) still busy at the drain timeout were closed");
  }
}
