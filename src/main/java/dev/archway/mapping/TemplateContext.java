package dev.archway.mapping;

import java.util.Map;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.MethodExceptionEventHandler;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.runtime.directive.Block;
import org.apache.velocity.util.introspection.Info;

/**
 * The variables of one render ({@code $input}, {@code $util}, {@code $context}, {@code $stageVariables})
 * and the guard on what templates store: every {@code #set} of a string or number is sized against
 * the budget, and every reference printed — into the output or into an interpolated string — goes
 * through {@link Printing}, which applies AWS's rendering rules and charges the work.
 */
final class TemplateContext extends VelocityContext {
  private final Budget budget;

  TemplateContext(Budget budget, Map<String, Object> variables) {
    super(variables);
    this.budget = budget;
    EventCartridge events = new EventCartridge();
    events.addReferenceInsertionEventHandler(Printing.INSTANCE);
    // With a cartridge attached, Velocity hands method exceptions to it and swallows them when it
    // has no handler; a failing call must fail the render (AWS answers 500), so rethrow.
    events.addMethodExceptionHandler(Failing.INSTANCE);
    events.attachToContext(this);
  }

  @Override
  public Object internalPut(String key, Object value) {
    if (value instanceof String s) {
      budget.checkString(s.length());
    } else if (value instanceof Number) {
      BoundedNodes.checkNumber(value);
    }
    return super.internalPut(key, value);
  }

  /** A method that throws fails the render, with the template's position. */
  static final class Failing implements MethodExceptionEventHandler {
    static final Failing INSTANCE = new Failing();

    @Override
    public Object methodException(Context context, Class<?> type, String method, Exception e, Info info) {
      if (e instanceof TemplateRuntimeException ours) {
        throw ours;
      }
      throw new TemplateRuntimeException(method + "() failed at line " + info.getLine() + ", column " + info.getColumn()
          + ": " + e, e);
    }
  }

  /**
   * How a reference prints: null as nothing (AWS's quiet references, {@code $missing} and
   * {@code $context.authorizer.claims}), maps and lists through {@link TextOf} (Java-style maps,
   * JSON arrays, bounded), {@code #define} blocks straight to the writer.
   */
  static final class Printing implements ReferenceInsertionEventHandler {
    static final Printing INSTANCE = new Printing();

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
      if (value == null || value instanceof ContextVariables.ClaimsMap) {
        return "";
      }
      if (value instanceof Block.Reference) {
        return value;
      }
      Budget budget = Budget.current();
      String text = TextOf.value(value, budget);
      if (value instanceof String) {
        budget.spendWork(text.length());
      }
      return text;
    }
  }
}
