package dev.archway.config;

import dev.archway.integration.EgressPolicy;
import dev.archway.model.ThrottleSettings;
import java.nio.file.Path;

/**
 * Server settings, validated once at start-up. Ports may be 0 (tests: pick a free port).
 * {@code credentialsFile} null means dev mode: any well-formed SigV4 request is accepted.
 * {@code accountThrottle} is the account-level limit of every account and region (AWS's default
 * 10,000 rps / 5,000 burst; raising it is what a service-quota increase does on AWS).
 * {@code publicUrl} is the address APIs report to their clients ({@code --public-url}).
 * {@code egress} is where integrations, authorizers and JWKS fetches may connect.
 * {@code observability} says how API traffic is observed (metrics on or off, the access-log copy).
 * {@code cluster} is how this node shares state with others (none: one node on SQLite).
 */
public record Settings(
    Path dataDir,
    String host,
    int port,
    String adminHost,
    int adminPort,
    String region,
    String accountId,
    Path credentialsFile,
    Endpoints endpoints,
    ThrottleSettings accountThrottle,
    PublicUrl publicUrl,
    EgressPolicy egress,
    Observability observability,
    ClusterSettings cluster) {
  /** AWS's account throttle: 10,000 requests per second, burst 5,000. */
  public static final ThrottleSettings AWS_ACCOUNT_THROTTLE = new ThrottleSettings(5000, 10000.0);

  public Settings {
    if (endpoints == null) {
      endpoints = Endpoints.NONE;
    }
    if (accountThrottle == null) {
      accountThrottle = AWS_ACCOUNT_THROTTLE;
    }
    if (publicUrl == null) {
      publicUrl = PublicUrl.DEFAULT;
    }
    if (egress == null) {
      egress = EgressPolicy.DEFAULT;
    }
    if (observability == null) {
      observability = Observability.DEFAULT;
    }
    if (cluster == null) {
      cluster = ClusterSettings.NONE;
    }
    if (accountThrottle.rateLimit() == null || !(accountThrottle.rateLimit() > 0) || accountThrottle.rateLimit().isInfinite()
        || accountThrottle.burstLimit() == null || accountThrottle.burstLimit() < 1) {
      throw new IllegalArgumentException("--account-throttle: " + accountThrottle.rateLimit() + "," + accountThrottle.burstLimit()
          + " (expected: RATE,BURST with a rate > 0 and a burst >= 1)");
    }
    requirePort("--port", port);
    requirePort("--admin-port", adminPort);
    if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw new IllegalArgumentException("--region: " + region + " (expected: an AWS region name such as us-east-1)");
    }
    if (accountId == null || !accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("--account-id: " + accountId + " (expected: 12 digits)");
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("--data-dir: null (expected: a directory path)");
    }
  }

  public Settings(Path dataDir, String host, int port, String adminHost, int adminPort, String region,
      String accountId, Path credentialsFile, Endpoints endpoints) {
    this(dataDir, host, port, adminHost, adminPort, region, accountId, credentialsFile, endpoints, AWS_ACCOUNT_THROTTLE, null, null,
        null, null);
  }

  /** Settings without integration endpoints (no Lambda, no AWS services). */
  public Settings(Path dataDir, String host, int port, String adminHost, int adminPort, String region,
      String accountId, Path credentialsFile) {
    this(dataDir, host, port, adminHost, adminPort, region, accountId, credentialsFile, Endpoints.NONE);
  }

  /** Settings for tests and embedding: loopback, free ports, default region and account. */
  public static Settings forTests(Path dataDir) {
    return new Settings(dataDir, "127.0.0.1", 0, "127.0.0.1", 0, "us-east-1", "000000000000", null);
  }

  public Settings withCredentialsFile(Path file) {
    return new Settings(dataDir, host, port, adminHost, adminPort, region, accountId, file, endpoints, accountThrottle,
        publicUrl, egress, observability, cluster);
  }

  public Settings withEndpoints(Endpoints newEndpoints) {
    return new Settings(dataDir, host, port, adminHost, adminPort, region, accountId, credentialsFile, newEndpoints,
        accountThrottle, publicUrl, egress, observability, cluster);
  }

  public Settings withAccountThrottle(ThrottleSettings throttle) {
    return new Settings(dataDir, host, port, adminHost, adminPort, region, accountId, credentialsFile, endpoints, throttle,
        publicUrl, egress, observability, cluster);
  }

  public Settings withEgress(EgressPolicy policy) {
    return new Settings(dataDir, host, port, adminHost, adminPort, region, accountId, credentialsFile, endpoints,
        accountThrottle, publicUrl, policy, observability, cluster);
  }

  public Settings withPublicUrl(PublicUrl url) {
    return new Settings(dataDir, host, port, adminHost, adminPort, region, accountId, credentialsFile, endpoints,
        accountThrottle, url, egress, observability, cluster);
  }

  public Settings withObservability(Observability observed) {
    return new Settings(dataDir, host, port, adminHost, adminPort, region, accountId, credentialsFile, endpoints,
        accountThrottle, publicUrl, egress, observed, cluster);
  }

  public Settings withCluster(ClusterSettings newCluster) {
    return new Settings(dataDir, host, port, adminHost, adminPort, region, accountId, credentialsFile, endpoints,
        accountThrottle, publicUrl, egress, observability, newCluster);
  }

  /** {@code RATE,BURST} as the --account-throttle flag takes it, e.g. {@code 10000,5000}. */
  public static ThrottleSettings parseThrottle(String text) {
    String[] parts = text == null ? new String[0] : text.split(",", -1);
    try {
      if (parts.length == 2) {
        return new ThrottleSettings(Integer.parseInt(parts[1].trim()), Double.parseDouble(parts[0].trim()));
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException("--account-throttle: " + text + " (expected: RATE,BURST such as 10000,5000)");
  }

  private static void requirePort(String name, int value) {
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: 0..65535)");
    }
  }
}
