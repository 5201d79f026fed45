package dev.archway.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty reported a leaked buffer while or before it ran. Registered for
 * every class through the ServiceLoader file and junit-platform.properties; as a global extension
 * its afterAll runs last, after the class's own servers have closed. One GC per top-level class
 * keeps it cheap; nested classes are covered by their enclosing class.
 */
public final class NoLeaks implements AfterAllCallback {
  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    if (context.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) { // a @Nested class
      return;
    }
    List<String> leaks = LeakReports.detect();
    if (!leaks.isEmpty()) {
      throw new AssertionError(leaks.size() + " Netty leak report(s) by the end of " + context.getDisplayName()
          + " (the leak may come from this class or an earlier one):\n" + String.join("\n\n", leaks));
    }
  }
}
