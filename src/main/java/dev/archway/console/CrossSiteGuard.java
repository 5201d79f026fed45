package dev.archway.console;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.AwsErrorResponse;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps foreign web pages from driving the management listener through a visitor's browser. It
 * judges only what a browser sends: a request with an {@code Origin} or {@code Sec-Fetch-Site}
 * header (every current browser sends one or both; the AWS CLI, the SDKs and curl send neither,
 * and pass untouched).
 *
 * <ul>
 *   <li>A state-changing request (anything but GET, HEAD and OPTIONS) must come from the listener's
 *       own origin: {@code Origin} equal to the {@code Host} it was sent to, {@code Sec-Fetch-Site}
 *       {@code same-origin} (or {@code none}, typed by the user). A cross-site form post or fetch is
 *       refused before it reaches any operation.
 *   <li>In dev mode, where an unsigned request acts with every right, the {@code Host} must also be
 *       an IP address or a {@code localhost} name: a DNS name an attacker controls may resolve to
 *       this listener (DNS rebinding) and would otherwise make its page same-origin. With
 *       {@code --credentials} every call must be signed with a secret the foreign page does not
 *       have, so any host name works.
 * </ul>
 */
public final class CrossSiteGuard implements Handler<RoutingContext> {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final boolean devMode;

  public CrossSiteGuard(boolean devMode) {
    this.devMode = devMode;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String origin = request.getHeader("Origin");
    String site = request.getHeader("Sec-Fetch-Site");
    if (origin == null && site == null) {
      ctx.next();
      return;
    }
    HostAndPort host = request.authority();
    if (devMode && (host == null || !local(host.host()))) {
      refuse(ctx, "Host " + (host == null ? "(none)" : host.host()) + " is not an IP address or a localhost name: "
          + "in dev mode browsers may reach the management listener only so (start Archway with --credentials to use any name)");
      return;
    }
    if (!changesState(request.method())) {
      ctx.next();
      return;
    }
    if (origin != null && !sameOrigin(origin, host, request.isSSL())) {
      refuse(ctx, "Origin " + origin + " may not change anything here (expected: the listener's own origin)");
      return;
    }
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      refuse(ctx, "Sec-Fetch-Site " + site + " may not change anything here (expected: same-origin)");
      return;
    }
    ctx.next();
  }

  private static boolean changesState(HttpMethod method) {
    return !(method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS);
  }

  /** IP literals and {@code localhost} names cannot be re-pointed by someone else's DNS. */
  static boolean local(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("[") || name.contains(":")
        || IPV4.matcher(name).matches();
  }

  /** {@code Origin} (scheme://host[:port]) names the host and port the request was sent to. */
  static boolean sameOrigin(String origin, HostAndPort host, boolean tls) {
    if (host == null) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(origin);
    } catch (Exception e) {
      return false; // "null" (sandboxed frames, file: pages) and anything malformed
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      return false;
    }
    int defaultPort = uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
    int hostPort = host.port() < 0 ? (tls ? 443 : 80) : host.port();
    return uri.getHost().equalsIgnoreCase(host.host()) && originPort == hostPort;
  }

  private static void refuse(RoutingContext ctx, String message) {
    AwsErrorResponse.send(ctx.response(), new ApiException(403, "AccessDeniedException", message));
  }
}
