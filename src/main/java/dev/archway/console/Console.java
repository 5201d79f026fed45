package dev.archway.console;

import dev.archway.model.Json;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The web console on the management listener: its files under {@code /console/} ({@code /}
 * redirects there) and {@code /console/config.json}, which tells the page whether to ask for
 * credentials. Everything the console shows it reads through the same AWS APIs the SDKs call,
 * signed in the browser, so the console has no rights of its own.
 */
public final class Console {
  static final String PREFIX = "/console/";
  /** Only the console's own files run; no frame may hold it (clickjacking); calls go to this listener only. */
  static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  private Console() {}

  /**
   * @param signIn true with {@code --credentials}: the console asks for an access key and secret
   * @param region the region the console starts in (the server's default region)
   */
  public static void mount(Router router, boolean signIn, String region) {
    ConsoleAssets assets = ConsoleAssets.load();
    String config = Json.MAPPER.createObjectNode().put("signIn", signIn).put("region", region).toString();
    // Exact paths: a Vert.x path route would also take "/console/" and redirect it to itself.
    router.getWithRegex("/|/console").handler(Console::redirect);
    router.get(PREFIX + "config.json").handler(ctx -> secured(ctx.response())
        .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(config));
    router.get(PREFIX + "*").handler(ctx -> serve(ctx, assets));
  }

  private static void redirect(RoutingContext ctx) {
    ctx.response().setStatusCode(302).putHeader("Location", PREFIX).end();
  }

  private static void serve(RoutingContext ctx, ConsoleAssets assets) {
    String path = ctx.request().path().substring(PREFIX.length());
    ConsoleAssets.Asset asset = assets.get(path.isEmpty() ? "index.html" : path);
    HttpServerResponse response = secured(ctx.response());
    if (asset == null) {
      response.setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8").end("Not found\n");
      return;
    }
    // Revalidated on each load (a new Archway's files show at once), answered 304 while unchanged.
    response.putHeader("ETag", asset.etag()).putHeader("Cache-Control", "no-cache");
    if (asset.etag().equals(ctx.request().getHeader("If-None-Match"))) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader("Content-Type", asset.contentType()).end(io.vertx.core.buffer.Buffer.buffer(asset.bytes()));
  }

  private static HttpServerResponse secured(HttpServerResponse response) {
    return response.putHeader("Content-Security-Policy", POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer");
  }
}
