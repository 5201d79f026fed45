package dev.archway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's files, read from the jar once at start and held in memory: a request is a map
 * lookup, with no file system access on the event loop, no extraction to a cache directory and no
 * chance of serving a file from the working directory (what a file-resolving static handler would
 * look at first).
 */
final class ConsoleAssets {
  /** Everything under {@code src/main/resources/console/}; ConsoleAssetsTest keeps the list complete. */
  static final List<String> FILES = List.of(
      "index.html", "console.css", "favicon.svg",
      "js/app.js", "js/aws.js", "js/sigv4.js", "js/dom.js", "js/pick.js", "js/charts.js", "js/metrics.js",
      "js/pages/apis.js", "js/pages/stages.js", "js/pages/usage.js", "js/pages/authorizers.js",
      "js/pages/domains.js", "js/pages/logs.js", "js/pages/alarms.js", "js/pages/metrics.js",
      "js/pages/dashboards.js", "js/pages/testinvoke.js", "js/pages/openapi.js");
  /** uPlot's browser build and stylesheet, from its webjar, served under {@code vendor/}. */
  private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
  private static final Map<String, String> VENDOR = Map.of(
      "vendor/uPlot.iife.min.js", UPLOT + "uPlot.iife.min.js",
      "vendor/uPlot.min.css", UPLOT + "uPlot.min.css");

  /** One file: its bytes, its media type and a strong validator. */
  record Asset(byte[] bytes, String contentType, String etag) {}

  private final Map<String, Asset> assets;

  private ConsoleAssets(Map<String, Asset> assets) {
    this.assets = assets;
  }

  static ConsoleAssets load() {
    Map<String, Asset> assets = new LinkedHashMap<>();
    for (String file : FILES) {
      assets.put(file, read("console/" + file));
    }
    VENDOR.forEach((path, resource) -> assets.put(path, read(resource)));
    return new ConsoleAssets(Map.copyOf(assets));
  }

  /** The asset at {@code path} (relative to {@code /console/}), or null. */
  Asset get(String path) {
    return assets.get(path);
  }

  private static Asset read(String resource) {
    try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("console asset missing from the jar: " + resource);
      }
      byte[] bytes = in.readAllBytes();
      String etag = '"' + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + '"';
      return new Asset(bytes, contentType(resource), etag);
    } catch (IOException e) {
      throw new UncheckedIOException("console asset " + resource, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String contentType(String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return switch (extension) {
      case "html" -> "text/html; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "svg" -> "image/svg+xml";
      default -> throw new IllegalArgumentException("console asset " + name + ": unknown type (expected: html, css, js, svg)");
    };
  }
}
