package dev.archway.runtime;

import java.util.Comparator;
import java.util.List;

/**
 * A custom domain name as the front door routes it: its API mappings, longest base path first, so
 * {@code /orders/v1/x} takes the {@code orders/v1} mapping over {@code orders} and over the
 * empty key. Immutable.
 */
public record CustomDomain(String domainName, List<Mapping> mappings) {

  /**
   * @param basePath the mapping key without slashes around it ({@code orders/v1}), "" for {@code (none)}
   * @param stage the stage, or null when the first segment after the base path names it
   */
  public record Mapping(String basePath, String apiId, String stage) {}

  public CustomDomain {
    mappings = mappings.stream()
        .sorted(Comparator.comparingInt((Mapping m) -> m.basePath().length()).reversed()).toList();
  }

  /**
   * The API, stage and path {@code rawPath} reaches on this domain (the base path stripped), or null
   * when no mapping takes it.
   */
  public InvokeTarget target(String rawPath) {
    for (Mapping mapping : mappings) {
      String rest = after(mapping.basePath(), rawPath);
      if (rest == null) {
        continue;
      }
      if (mapping.stage() != null) {
        return new InvokeTarget(mapping.apiId(), mapping.stage(), rest, null, rawPath);
      }
      int slash = rest.indexOf('/', 1);
      String stage = slash < 0 ? rest.substring(Math.min(1, rest.length())) : rest.substring(1, slash);
      return stage.isEmpty() ? null
          : new InvokeTarget(mapping.apiId(), stage, slash < 0 ? "" : rest.substring(slash), null, rawPath);
    }
    return null;
  }

  /** The path after {@code /basePath} when it starts with it, whole segments only; null when it does not. */
  private static String after(String basePath, String rawPath) {
    if (basePath.isEmpty()) {
      return rawPath;
    }
    int end = basePath.length() + 1;
    if (!rawPath.startsWith(basePath, 1) || rawPath.length() > end && rawPath.charAt(end) != '/') {
      return null;
    }
    return rawPath.substring(end);
  }
}
