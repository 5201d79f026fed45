package dev.archway.control.wire;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tag edits TagResource and UntagResource make, the same for REST and HTTP APIs (v1 and v2). */
public final class TagMaps {
  private TagMaps() {}

  /** {@code current} with {@code added} on top: a key given again takes the new value. */
  public static Map<String, String> merged(Map<String, String> current, Map<String, String> added) {
    Map<String, String> merged = new LinkedHashMap<>(current);
    merged.putAll(added);
    return merged;
  }

  /** {@code current} without {@code keys}; keys it does not have are ignored, as on AWS. */
  public static Map<String, String> without(Map<String, String> current, Collection<String> keys) {
    Map<String, String> kept = new LinkedHashMap<>(current);
    keys.forEach(kept::remove);
    return kept;
  }
}
