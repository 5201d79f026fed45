package dev.archway.traffic;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link AccessRules} being enforced, behind one reference: API keys and usage plans change
 * without a redeploy (on AWS a new key or plan membership works at once), so the steps read the
 * current rules per request instead of carrying them in the compiled stage.
 */
public final class LiveAccess {
  private final AtomicReference<AccessRules> rules = new AtomicReference<>(AccessRules.EMPTY);

  public AccessRules current() {
    return rules.get();
  }

  public void publish(AccessRules next) {
    rules.set(next);
  }

  @Override
  public String toString() {
    return "LiveAccess(" + rules.get() + ")";
  }
}
