package dev.archway.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.parser.node.ASTAddNode;
import org.apache.velocity.runtime.parser.node.ASTEQNode;
import org.apache.velocity.runtime.parser.node.ASTMulNode;
import org.apache.velocity.runtime.parser.node.ASTNENode;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * Velocity's {@code +}, {@code *}, {@code ==} and {@code !=} with two changes, swapped into every
 * parsed tree by {@link Hardening}:
 * <ul>
 *   <li>bounds: {@code +} on strings and {@code *} on numbers (which Velocity widens to
 *       {@code BigInteger}) double their operands at each step, so {@code #set($s = $s + $s)} in a
 *       loop would exhaust the heap; results are sized against the budget before they exist, and
 *       {@code ==} between values of different types compares bounded text;</li>
 *   <li>AWS's rule that a null reference equals the empty string ({@code $null == ""} is true).</li>
 * </ul>
 */
final class BoundedNodes {
  /** Larger numbers than this (in bits) fail the render: no mapping needs them, and their arithmetic is slow. */
  static final int MAX_NUMBER_BITS = 4096;

  private BoundedNodes() {}

  /** The bounded twin of a node, sharing its tokens and children; null when the node needs none. */
  static SimpleNode twin(Node node) {
    Class<?> type = node.getClass();
    SimpleNode twin;
    if (type == ASTAddNode.class) {
      twin = new Add();
    } else if (type == ASTMulNode.class) {
      twin = new Mul();
    } else if (type == ASTEQNode.class) {
      twin = new Eq();
    } else if (type == ASTNENode.class) {
      twin = new Ne();
    } else {
      return null;
    }
    ((Twin) twin).adopt((SimpleNode) node);
    return twin;
  }

  /** Copies what the parser left on the original node into its twin. */
  private interface Twin {
    void adopt(SimpleNode original);
  }

  static void checkNumber(Object value) {
    long bits = value instanceof BigInteger i ? i.bitLength()
        : value instanceof BigDecimal d ? (long) (d.unscaledValue().bitLength() + Math.abs((long) d.scale()) * 3.33) : 0;
    if (bits > MAX_NUMBER_BITS) {
      throw new TemplateRuntimeException("mapping template built a number of more than " + MAX_NUMBER_BITS + " bits");
    }
  }

  static final class Add extends ASTAddNode implements Twin {
    Add() {
      super(0);
    }

    @Override
    public void adopt(SimpleNode original) {
      id = original.getType();
      parser = original.getParser();
      template = original.getTemplate();
      first = original.getFirstToken();
      last = original.getLastToken();
      adoptChildren(this, original);
    }

    @Override
    protected Object handleSpecial(Object left, Object right, InternalContextAdapter context) {
      left = left instanceof Operand.NotANumber n && n.value() instanceof String s ? s : left;
      right = right instanceof Operand.NotANumber n && n.value() instanceof String s ? s : right;
      if (!(left instanceof String) && !(right instanceof String)) {
        return super.handleSpecial(left, right, context);
      }
      Budget budget = Budget.current();
      String l = left != null ? TextOf.value(left, budget) : jjtGetChild(0).literal();
      String r = right != null ? TextOf.value(right, budget) : jjtGetChild(1).literal();
      budget.checkString((long) l.length() + r.length());
      budget.spendWork((long) l.length() + r.length());
      return l.concat(r);
    }

    @Override
    public Number perform(Number left, Number right, InternalContextAdapter context) {
      Number result = super.perform(left, right, context);
      checkNumber(result);
      return result;
    }
  }

  static final class Mul extends ASTMulNode implements Twin {
    Mul() {
      super(0);
    }

    @Override
    public void adopt(SimpleNode original) {
      id = original.getType();
      parser = original.getParser();
      template = original.getTemplate();
      first = original.getFirstToken();
      last = original.getLastToken();
      adoptChildren(this, original);
    }

    @Override
    public Number perform(Number left, Number right, InternalContextAdapter context) {
      checkNumber(left);
      checkNumber(right);
      Number result = super.perform(left, right, context);
      checkNumber(result);
      return result;
    }
  }

  static final class Eq extends ASTEQNode implements Twin {
    Eq() {
      super(0);
    }

    @Override
    public void adopt(SimpleNode original) {
      id = original.getType();
      parser = original.getParser();
      template = original.getTemplate();
      first = original.getFirstToken();
      last = original.getLastToken();
      adoptChildren(this, original);
    }

    @Override
    public boolean compareNull(Object left, Object right) {
      return nullEquals(left, right) || super.compareNull(left, right);
    }

    @Override
    public Boolean compareNumbers(Object left, Object right) {
      return super.compareNumbers(Operand.safe(left), Operand.safe(right));
    }

    @Override
    public boolean compareNonNumber(Object left, Object right) {
      return textEquals(left, right);
    }
  }

  static final class Ne extends ASTNENode implements Twin {
    Ne() {
      super(0);
    }

    @Override
    public void adopt(SimpleNode original) {
      id = original.getType();
      parser = original.getParser();
      template = original.getTemplate();
      first = original.getFirstToken();
      last = original.getLastToken();
      adoptChildren(this, original);
    }

    @Override
    public boolean compareNull(Object left, Object right) {
      return nullEquals(left, right) || super.compareNull(left, right);
    }

    @Override
    public Boolean compareNumbers(Object left, Object right) {
      return super.compareNumbers(Operand.safe(left), Operand.safe(right));
    }

    @Override
    public boolean compareNonNumber(Object left, Object right) {
      return textEquals(left, right);
    }
  }

  /** AWS: a null reference equals "". */
  private static boolean nullEquals(Object left, Object right) {
    Object other = left == null ? right : left;
    return other instanceof CharSequence text && text.length() == 0;
  }

  /** Velocity's rule (equals for related types, else compare as text), with the text bounded. */
  private static boolean textEquals(Object left, Object right) {
    if (left.getClass().isAssignableFrom(right.getClass()) || right.getClass().isAssignableFrom(left.getClass())) {
      return left.equals(right);
    }
    Budget budget = Budget.current();
    return TextOf.value(left, budget).equals(TextOf.value(right, budget));
  }

  private static void adoptChildren(SimpleNode twin, SimpleNode original) {
    for (int i = 0; i < original.jjtGetNumChildren(); i++) {
      Node child = original.jjtGetChild(i);
      twin.jjtAddChild(child, i);
      child.jjtSetParent(twin);
    }
  }
}
