package dev.archway.mapping;

import java.util.Set;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.exception.TemplateInitException;
import org.apache.velocity.runtime.parser.node.ASTAddNode;
import org.apache.velocity.runtime.parser.node.ASTDivNode;
import org.apache.velocity.runtime.parser.node.ASTGENode;
import org.apache.velocity.runtime.parser.node.ASTGTNode;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;
import org.apache.velocity.runtime.parser.node.ASTLENode;
import org.apache.velocity.runtime.parser.node.ASTLTNode;
import org.apache.velocity.runtime.parser.node.ASTModNode;
import org.apache.velocity.runtime.parser.node.ASTMulNode;
import org.apache.velocity.runtime.parser.node.ASTNegateNode;
import org.apache.velocity.runtime.parser.node.ASTSubtractNode;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * Wraps each operand of Velocity's arithmetic, ordering, negation and range operators. Velocity 2
 * coerces any operand to a number by printing it and parsing the text ({@code DuckType.asNumber}),
 * so {@code $list < 1} would print a list of any size and {@code $input.body * 1} would parse a
 * 10 MB numeral, both unbounded. Numbers, booleans, null and short strings pass unchanged; any other
 * operand becomes a {@link NotANumber} that the coercion treats as what it is, not a number.
 */
final class Operand extends SimpleNode {
  /** Longer strings are never numbers worth parsing (Jackson refuses numbers over 100 digits too). */
  static final int MAX_NUMERAL_CHARS = 256;

  private static final Set<Class<?>> GUARDED = Set.of(ASTAddNode.class, ASTSubtractNode.class, ASTMulNode.class,
      ASTDivNode.class, ASTModNode.class, ASTLTNode.class, ASTGTNode.class, ASTLENode.class, ASTGENode.class,
      ASTNegateNode.class, ASTIntegerRange.class);

  private Operand(Node inner) {
    super(inner.getType());
    setFirstToken(inner.getFirstToken());
    jjtAddChild(inner, 0);
    inner.jjtSetParent(this);
  }

  /** Whether the operands of this node (an original or a bounded twin) need the guard. */
  static boolean guards(Node node) {
    for (Class<?> type : GUARDED) {
      if (type.isInstance(node)) {
        return true;
      }
    }
    return false;
  }

  static Node wrap(Node operand) {
    return operand instanceof Operand ? operand : new Operand(operand);
  }

  @Override
  public Object init(InternalContextAdapter context, Object data) throws TemplateInitException {
    return super.init(context, data);
  }

  @Override
  public Object value(InternalContextAdapter context) {
    return safe(jjtGetChild(0).value(context));
  }

  /** The value, or a {@link NotANumber} when coercing it to a number would print or parse without bound. */
  static Object safe(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean
        || value instanceof String s && s.length() <= MAX_NUMERAL_CHARS) {
      return value;
    }
    return new NotANumber(value);
  }

  @Override
  public boolean evaluate(InternalContextAdapter context) {
    return jjtGetChild(0).evaluate(context);
  }

  @Override
  public String literal() {
    return jjtGetChild(0).literal();
  }

  /**
   * An operand that is not a number. Velocity asks it for {@code getAsNumber()} and gets null, so it
   * never prints and parses it; printed (by {@code +} with a string) it shows its value, bounded.
   * Public because Velocity finds {@code getAsNumber} by reflection.
   */
  public static final class NotANumber {
    private final Object value;

    NotANumber(Object value) {
      this.value = value;
    }

    public Number getAsNumber() {
      return null;
    }

    Object value() {
      return value;
    }

    @Override
    public String toString() {
      return TextOf.value(value, Budget.currentOrDefault());
    }
  }
}
