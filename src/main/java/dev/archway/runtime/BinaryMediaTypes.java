package dev.archway.runtime;

import java.util.List;
import java.util.Locale;

/**
 * An API's {@code binaryMediaTypes}, matched the AWS way: only the first entry of the header
 * counts, parameters are ignored, and a type matches exactly or through a right wildcard
 * ({@code image/*}); {@code *}{@code /*} matches everything.
 */
public final class BinaryMediaTypes {
  public static final BinaryMediaTypes NONE = new BinaryMediaTypes(List.of());

  private final List<String> types;

  private BinaryMediaTypes(List<String> types) {
    this.types = types;
  }

  public static BinaryMediaTypes of(List<String> types) {
    if (types == null || types.isEmpty()) {
      return NONE;
    }
    return new BinaryMediaTypes(types.stream().map(t -> essence(t)).filter(t -> t.indexOf('/') > 0).toList());
  }

  /** @param header a Content-Type or Accept value, possibly null */
  public boolean matches(String header) {
    if (header == null || types.isEmpty()) {
      return false;
    }
    String type = essence(header.split(",", 2)[0]);
    int slash = type.indexOf('/');
    if (slash <= 0) {
      return false;
    }
    for (String candidate : types) {
      if (candidate.equals("*/*") || candidate.equals(type)
          || (candidate.endsWith("/*") && candidate.regionMatches(0, type, 0, slash + 1) && candidate.length() == slash + 2)) {
        return true;
      }
    }
    return false;
  }

  private static String essence(String value) {
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  public boolean isEmpty() {
    return types.isEmpty();
  }

  @Override
  public String toString() {
    return types.toString();
  }
}
