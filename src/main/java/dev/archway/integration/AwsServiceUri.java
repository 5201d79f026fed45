package dev.archway.integration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The integration URI of an AWS service integration, parsed at deploy time:
 * {@code arn:aws:apigateway:{region}:{subdomain.service|service}:path|action/{service_api}}.
 *
 * @param subdomain the part before the service's last dot, or null
 * @param service the service's signing name (sqs, dynamodb, states...)
 * @param path true for {@code path/...} (a resource path), false for {@code action/...}
 * @param api what follows {@code path/} or {@code action/}: a path, or {@code Action&p1=v1&...}
 */
public record AwsServiceUri(String region, String subdomain, String service, boolean path, String api) {
  private static final Pattern URI = Pattern.compile(
      "arn:aws[a-z-]*:apigateway:([a-z]{2}(?:-[a-z]+)+-\\d):([a-z0-9][a-z0-9.-]*):(path|action)/(.*)", Pattern.DOTALL);

  /** @throws IllegalArgumentException naming the URI and the expected form */
  public static AwsServiceUri parse(String uri) {
    Matcher m = uri == null ? null : URI.matcher(uri);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("integration uri: " + uri
          + " (expected: arn:aws:apigateway:<region>:<service>:path/<path> or ...:action/<Action>&<params>)");
    }
    String host = m.group(2);
    int dot = host.lastIndexOf('.');
    boolean path = m.group(3).equals("path");
    String api = m.group(4);
    if (!path && !api.matches("[A-Za-z0-9_]+(&.*)?")) {
      throw new IllegalArgumentException("integration uri: " + uri + " (expected: an action name after action/, e.g. action/SendMessage)");
    }
    return new AwsServiceUri(m.group(1), dot < 0 ? null : host.substring(0, dot), host.substring(dot + 1), path, api);
  }

  /** For the action form: the action name. */
  public String action() {
    int amp = api.indexOf('&');
    return amp < 0 ? api : api.substring(0, amp);
  }

  /** For the action form: the {@code p1=v1&p2=v2} after the action, or "". */
  public String actionParameters() {
    int amp = api.indexOf('&');
    return amp < 0 ? "" : api.substring(amp + 1);
  }
}
