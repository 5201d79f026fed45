package dev.archway;

import dev.archway.auth.CredentialsFile;
import dev.archway.auth.jwt.JwksFetcher;
import dev.archway.auth.jwt.JwtValidators;
import dev.archway.auth.lambda.AuthorizerCache;
import dev.archway.auth.lambda.LambdaAuthorizerInvoker;
import dev.archway.auth.SigV4Verifier;
import dev.archway.config.Settings;
import dev.archway.control.ManagementServer;
import dev.archway.control.Serving;
import dev.archway.deploy.UsageControls;
import dev.archway.deploy.AccessSync;
import dev.archway.deploy.AuthControl;
import dev.archway.deploy.AwsIntegrations;
import dev.archway.deploy.DeploymentCompiler;
import dev.archway.deploy.HttpApiCompiler;
import dev.archway.deploy.HttpApiThrottles;
import dev.archway.deploy.HttpAuthorizers;
import dev.archway.deploy.LiveHttpApis;
import dev.archway.deploy.LiveStages;
import dev.archway.deploy.StageSync;
import dev.archway.integration.AwsSigner;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.LambdaInvoker;
import dev.archway.runtime.ExecuteLimits;
import dev.archway.runtime.ExecuteServer;
import dev.archway.runtime.TemplateRunner;
import dev.archway.store.SqliteStore;
import dev.archway.store.Store;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.LocalBuckets;
import dev.archway.traffic.QuotaLedger;
import dev.archway.traffic.StoreQuotaCounters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
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

  private Archway(Vertx vertx, Store store, ExecuteServer execute, ManagementServer management, AccessSync access) {
    this.vertx = vertx;
    this.store = store;
    this.execute = execute;
    this.management = management;
    this.access = access;
  }

  /** Starts everything and returns once both listeners accept connections. */
  public static Archway start(Settings settings) throws IOException {
    Map<String, dev.archway.auth.Credential> credentials =
        settings.credentialsFile() == null ? Map.of() : CredentialsFile.parse(settings.credentialsFile());
    Store store = SqliteStore.open(settings.dataDir());
    // Native epoll where it loads (Linux): fewer syscalls and copies per request than NIO.
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    if (!vertx.isNativeTransportEnabled()) {
      log.info("native transport unavailable, using NIO: {}", String.valueOf(vertx.unavailableNativeTransportCause()));
    }
    try {
      LiveStages stages = new LiveStages();
      HttpProxyIntegration http = HttpProxyIntegration.create(vertx);
      AwsIntegrations aws = new AwsIntegrations(http, settings.endpoints()::lambdaFor, settings.endpoints()::service,
          outboundSigner(credentials), settings.accountId(), Clock.systemUTC());
      LiveAccess live = new LiveAccess();
      LocalBuckets buckets = new LocalBuckets();
      QuotaLedger quotas = new QuotaLedger(new StoreQuotaCounters(store), Clock.systemUTC());
      AccessSync usage = new AccessSync(vertx, store, live, buckets, quotas, settings.accountThrottle());
      usage.start().await();
      AuthControl authorization = accessControl(vertx, http, settings, credentials);
      // One worker pool renders every mapping template, so none renders on an event loop.
      DeploymentCompiler compiler = new DeploymentCompiler(http, aws, TemplateRunner.shared(vertx, settings.accountId()),
          new UsageControls(live, buckets), authorization);
      LiveHttpApis httpApis = new LiveHttpApis();
      StageSync sync = new StageSync(vertx, store, compiler, stages,
          new HttpApiCompiler(http, aws, new HttpAuthorizers(authorization), new HttpApiThrottles(live, buckets)),
          httpApis);
      sync.start().await();
      ExecuteServer execute = ExecuteServer.start(vertx, settings.host(), settings.port(), stages, ExecuteLimits.AWS, httpApis).await();
      ManagementServer management = ManagementServer.start(vertx, settings.adminHost(), settings.adminPort(), store,
          new SigV4Verifier(credentials, Clock.systemUTC()), settings.accountId(), settings.region(),
          new Serving(sync::notReady, () -> Future.all(sync.settled(), usage.settled()).mapEmpty(), quotas,
              settings.accountThrottle()),
          execute.port(), compiler, authorization).await();
      log.info("Archway {} serving APIs on {}:{} and the management API on {}:{} ({} mode, data in {})",
          VersionCommand.version(), settings.host(), execute.port(), settings.adminHost(), management.port(),
          credentials.isEmpty() ? "dev" : "signed", settings.dataDir());
      return new Archway(vertx, store, execute, management, usage);
    } catch (RuntimeException e) {
      vertx.close().await();
      store.close();
      throw e;
    }
  }

  /**
   * Authorizers, AWS_IAM and resource policies: Lambda authorizers through the Invoke API (signed
   * like Lambda integrations), Cognito tokens against their issuer's keys, SigV4 for execute-api
   * with the keys of --credentials (dev mode without).
   */
  private static AuthControl accessControl(Vertx vertx, HttpProxyIntegration http, Settings settings,
      Map<String, dev.archway.auth.Credential> credentials) {
    Clock clock = Clock.systemUTC();
    LambdaInvoker lambda = new LambdaInvoker(http, settings.endpoints()::lambdaFor, outboundSigner(credentials));
    return new AuthControl(new LambdaAuthorizerInvoker(lambda), new AuthorizerCache<>(),
        new JwtValidators(JwksFetcher.create(vertx), clock), new SigV4Verifier(credentials, clock, "execute-api"),
        settings.endpoints()::cognitoIssuer, settings.accountId(), settings.region(), clock);
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
  public int port() {
    return execute.port();
  }

  /** The management listener's port (AWS API). */
  public int adminPort() {
    return management.port();
  }

  @Override
  public void close() {
    vertx.close().await();
    // After the listeners stopped: the quota counted since the last flush survives the restart.
    access.stop();
    store.close();
  }
}
