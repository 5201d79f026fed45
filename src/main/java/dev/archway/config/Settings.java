package dev.archway.config;

import java.nio.file.Path;

/**
 * Server settings, validated once at start-up. Ports may be 0 (tests: pick a free port).
 * {@code credentialsFile} null means dev mode: any well-formed SigV4 request is accepted.
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
    Endpoints endpoints) {

  public Settings {
    if (endpoints == null) {
      endpoints = Endpoints.NONE;
    }
    requirePort("port", port);
    requirePort("admin-port", adminPort);
    if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
      throw new IllegalArgumentException("region: " + region + " (expected: an AWS region name such as us-east-1)");
    }
    if (accountId == null || !accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("account-id: " + accountId + " (expected: 12 digits)");
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("data-dir: null (expected: a directory path)");
    }
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
    return new Settings(dataDir, host, port, adminHost, adminPort, region, accountId, file, endpoints);
  }

  public Settings withEndpoints(Endpoints newEndpoints) {
    return new Settings(dataDir, host, port, adminHost, adminPort, region, accountId, credentialsFile, newEndpoints);
  }

  private static void requirePort(String name, int value) {
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: 0..65535)");
    }
  }
}
