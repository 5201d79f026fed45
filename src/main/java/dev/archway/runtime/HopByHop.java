package dev.archway.runtime;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Connection-specific headers, which no proxy forwards (RFC 9110 7.6.1, AWS-BEHAVIOUR D.4): the
 * fixed hop-by-hop names, {@code HTTP2-Settings} (it only serves an h2c upgrade of the client's own
 * connection, RFC 7540 3.2.1), and whatever names the client's {@code Connection} header nominates.
 */
public final class HopByHop {
  private static final List<String> NAMES = List.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
      "transfer-encoding", "upgrade", "http2-settings");

  private HopByHop() {}

  /** The hop-by-hop names and {@code more} (what a given integration drops besides). */
  public static HeaderNames plus(String... more) {
    return HeaderNames.of(Stream.concat(NAMES.stream(), Stream.of(more)).distinct().toArray(String[]::new));
  }

  /** The names the request's {@code Connection} header nominates beyond the fixed ones; usually none. */
  public static List<String> nominated(MultiMap headers) {
    if (headers.get("Connection") == null) {
      return List.of();
    }
    List<String> out = List.of();
    for (String value : headers.getAll("Connection")) {
      for (String token : value.split(",")) {
        String name = token.trim();
        if (!name.isEmpty() && !name.equalsIgnoreCase("close") && NAMES.stream().noneMatch(name::equalsIgnoreCase)) {
          out = out.isEmpty() ? new ArrayList<>() : out;
          out.add(name);
        }
      }
    }
    return out;
  }

  /** Whether {@code name} is among the {@link #nominated} names. */
  public static boolean isNominated(List<String> nominated, String name) {
    for (String candidate : nominated) {
      if (candidate.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
