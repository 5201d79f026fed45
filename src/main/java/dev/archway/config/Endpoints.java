package dev.archway.config;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where Archway sends integration calls that AWS would send to AWS itself: the Lambda Invoke API
 * (one default endpoint, optionally one per region), other AWS services by signing name
 * ({@code sqs}, {@code dynamodb}...), and the issuer of Cognito user pools by pool id (so a local
 * OpenID provider can stand in for Cognito). Validated once; immutable.
 */
public record Endpoints(URI lambda, Map<String, URI> lambdaByRegion, Map<String, URI> services, Map<String, URI> cognitoIssuers,
    Map<String, URI> snsTopics) {
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

  private static final Pattern POOL_ID = Pattern.compile("[\\w-]+_[0-9a-zA-Z]+");

  /** An SNS topic ARN: CloudWatch alarm actions name one, and the config maps it to a webhook. */
  private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");

  public static final Endpoints NONE = new Endpoints(null, Map.of(), Map.of(), Map.of(), Map.of());

  public Endpoints(URI lambda, Map<String, URI> lambdaByRegion, Map<String, URI> services, Map<String, URI> cognitoIssuers) {
    this(lambda, lambdaByRegion, services, cognitoIssuers, Map.of());
  }

  public Endpoints(URI lambda, Map<String, URI> lambdaByRegion, Map<String, URI> services) {
    this(lambda, lambdaByRegion, services, Map.of(), Map.of());
  }

  public Endpoints {
    if (lambda != null) {
      requireHttp("--lambda-endpoint", lambda);
    }
    lambdaByRegion = frozen(lambdaByRegion, "lambda.endpoints.", REGION, "an AWS region name such as us-east-1");
    services = frozen(services, "--aws-endpoint ", SERVICE, "a lower-case AWS signing name such as sqs");
    cognitoIssuers = frozen(cognitoIssuers, "cognito.issuers.", POOL_ID, "a user pool id such as us-east-1_AbC123");
    snsTopics = frozen(snsTopics, "sns.topics.", TOPIC_ARN, "an SNS topic ARN such as arn:aws:sns:us-east-1:000000000000:alerts");
  }

  /** The webhook that stands in for an SNS topic (CloudWatch alarm actions), or null when none is configured. */
  public URI snsTopic(String topicArn) {
    return snsTopics.get(topicArn);
  }

  public Endpoints withSnsTopic(String topicArn, URI webhook) {
    Map<String, URI> topics = new TreeMap<>(snsTopics);
    topics.put(topicArn, webhook);
    return new Endpoints(lambda, lambdaByRegion, services, cognitoIssuers, topics);
  }

  /**
   * The {@code iss} of tokens from a Cognito user pool: the configured issuer, else AWS's
   * {@code https://cognito-idp.{region}.amazonaws.com/{poolId}}. Its keys are found through
   * {@code {issuer}/.well-known/openid-configuration}.
   */
  public String cognitoIssuer(String region, String poolId) {
    URI configured = cognitoIssuers.get(poolId);
    return configured != null ? configured.toString() : "https://cognito-idp." + region + ".amazonaws.com/" + poolId;
  }

  public Endpoints withCognitoIssuer(String poolId, URI issuer) {
    Map<String, URI> issuers = new TreeMap<>(cognitoIssuers);
    issuers.put(poolId, issuer);
    return new Endpoints(lambda, lambdaByRegion, services, issuers, snsTopics);
  }

  /** The Lambda endpoint for a function in {@code region}, or null when none is configured. */
  public URI lambdaFor(String region) {
    return lambdaByRegion.getOrDefault(region, lambda);
  }

  /** The endpoint of an AWS service by signing name, or null when none is configured. */
  public URI service(String name) {
    return services.get(name.toLowerCase(Locale.ROOT));
  }

  public Endpoints withLambda(URI endpoint) {
    return new Endpoints(endpoint, lambdaByRegion, services, cognitoIssuers, snsTopics);
  }

  /** These endpoints with {@code other}'s entries on top: command-line flags over the config file. */
  public Endpoints overriddenBy(Endpoints other) {
    Map<String, URI> regions = new TreeMap<>(lambdaByRegion);
    regions.putAll(other.lambdaByRegion);
    Map<String, URI> byService = new TreeMap<>(services);
    byService.putAll(other.services);
    Map<String, URI> issuers = new TreeMap<>(cognitoIssuers);
    issuers.putAll(other.cognitoIssuers);
    Map<String, URI> topics = new TreeMap<>(snsTopics);
    topics.putAll(other.snsTopics);
    return new Endpoints(other.lambda != null ? other.lambda : lambda, regions, byService, issuers, topics);
  }

  /**
   * Parses {@code SERVICE=URL} entries as given to {@code --aws-endpoint}.
   *
   * @throws IllegalArgumentException naming the entry and the expected form
   */
  public static Map<String, URI> parseServiceEntries(Iterable<String> entries) {
    Map<String, URI> out = new TreeMap<>();
    for (String entry : entries) {
      if (entry == null || entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new IllegalArgumentException("--aws-endpoint: " + entry + " (expected: SERVICE=URL, e.g. sqs=http://localhost:4566)");
      }
      out.put(entry.substring(0, eq).trim().toLowerCase(Locale.ROOT), uri("--aws-endpoint " + entry, entry.substring(eq + 1).trim()));
    }
    return out;
  }

  /** @throws IllegalArgumentException when {@code value} is not an absolute http(s) URL */
  public static URI uri(String what, String value) {
    try {
      return requireHttp(what, URI.create(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + value + " (expected: an absolute http or https URL)", e);
    }
  }

  private static URI requireHttp(String what, URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(what + ": " + uri + " (expected: an absolute http or https URL)");
    }
    return uri;
  }

  private static Map<String, URI> frozen(Map<String, URI> map, String what, Pattern key, String expected) {
    if (map == null) {
      return Map.of();
    }
    for (Map.Entry<String, URI> entry : map.entrySet()) {
      if (!key.matcher(entry.getKey()).matches()) {
        throw new IllegalArgumentException(what + entry.getKey() + " (expected: " + expected + ")");
      }
      requireHttp(what + entry.getKey(), entry.getValue());
    }
    return Map.copyOf(map);
  }
}
