package dev.archway.config;

import java.net.URI;
import java.util.Locale;

/**
 * Where clients reach an API: what v2 {@code apiEndpoint}, domain names and {@code $context.domainName}
 * report (AWS: {@code https://{apiId}.execute-api.{region}.amazonaws.com}). A URL template with
 * {@code {apiId}} at the start of the host, which must go on with {@code .execute-api.} because that
 * is what the execute listener routes on, and optionally {@code {port}}, the execute listener's
 * port once it listens. The default, {@code http://{apiId}.execute-api.localhost:{port}}, needs a
 * resolver that maps {@code *.localhost} to loopback (README, "Invoke URLs").
 */
public record PublicUrl(String template) {
  public static final PublicUrl DEFAULT = new PublicUrl("http://{apiId}.execute-api.localhost:{port}");

  private static final String API_ID = "{apiId}";
  private static final String PORT = "{port}";
  private static final String EXPECTED = " (expected: an http or https URL with no path whose host starts with"
      + " {apiId}.execute-api., e.g. http://{apiId}.execute-api.localhost:{port})";

  public PublicUrl {
    URI uri;
    try {
      uri = template == null ? null : URI.create(template.replace(API_ID, "a1").replace(PORT, "1"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--public-url: " + template + EXPECTED, e);
    }
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean ok = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
        && uri.getHost().startsWith("a1.execute-api.") && uri.getRawUserInfo() == null
        && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
        && uri.getRawQuery() == null && uri.getRawFragment() == null && template.indexOf(API_ID) == template.lastIndexOf(API_ID);
    if (!ok) {
      throw new IllegalArgumentException("--public-url: " + template + EXPECTED);
    }
    template = template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
  }

  /** This URL with {@code {port}} replaced by the port the execute listener got. */
  public PublicUrl at(int port) {
    return new PublicUrl(template.replace(PORT, Integer.toString(port)));
  }

  /** The API's base URL, e.g. {@code http://a1b2c3.execute-api.localhost:8080}; WebSocket APIs use ws/wss. */
  public String endpoint(String apiId, boolean webSocket) {
    String url = template.replace(API_ID, apiId);
    return webSocket ? "ws" + url.substring("http".length()) : url;
  }

  /** The host name clients use for the API, without a port: {@code $context.domainName} on AWS. */
  public String domainName(String apiId) {
    return URI.create(template.replace(API_ID, apiId).replace(PORT, "1")).getHost();
  }
}
