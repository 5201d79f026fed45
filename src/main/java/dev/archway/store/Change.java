package dev.archway.store;

/**
 * One committed write, announced on the change feed after its transaction commits; or
 * {@link #EVERYTHING}: changes may have been missed (the feed reconnected after an outage), so a
 * listener reads again all that it keeps.
 */
public record Change(Kind<?> kind, String scope, String id) {
  public static final Change EVERYTHING = new Change(null, null, null);

  public boolean everything() {
    return kind == null;
  }
}
