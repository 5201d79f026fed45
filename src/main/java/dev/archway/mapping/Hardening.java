package dev.archway.mapping;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.apache.velocity.runtime.parser.ParseException;
import org.apache.velocity.runtime.parser.node.ASTDirective;
import org.apache.velocity.runtime.parser.node.Node;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * Runs over every tree Velocity parses — the template and, separately, each interpolated string
 * literal inside it — before it is initialised:
 * <ul>
 *   <li>refuses {@code #include}, {@code #parse} and {@code #evaluate}: the first two read resources,
 *       the third runs text as a template (a request body, if the author passes one);</li>
 *   <li>swaps in the bounded operators of {@link BoundedNodes}, and guards the operands of the others
 *       ({@link Operand}).</li>
 * </ul>
 * {@code #define} and {@code #macro} stay: real templates use them (the Serverless Framework's default
 * template defines {@code $loop}), and their recursion is capped by Velocity's depth settings.
 */
final class Hardening {
  static final Set<String> FORBIDDEN = Set.of("include", "parse", "evaluate");

  private Hardening() {}

  static void apply(SimpleNode root) throws ParseException {
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (node instanceof ASTDirective directive && FORBIDDEN.contains(directive.getDirectiveName())) {
        throw new ParseException("#" + directive.getDirectiveName() + " is not allowed in mapping templates, at line "
            + directive.getFirstToken().beginLine + ", column " + directive.getFirstToken().beginColumn);
      }
      boolean guarded = Operand.guards(node);
      for (int i = 0; i < node.jjtGetNumChildren(); i++) {
        Node child = node.jjtGetChild(i);
        SimpleNode twin = BoundedNodes.twin(child);
        if (twin != null) {
          child = twin;
        }
        if (guarded && !(child instanceof Operand)) {
          child = Operand.wrap(child);
        }
        if (child != node.jjtGetChild(i)) {
          node.jjtAddChild(child, i);
          child.jjtSetParent(node);
        }
        pending.push(child);
      }
    }
  }
}
