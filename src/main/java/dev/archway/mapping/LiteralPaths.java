package dev.archway.mapping;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.velocity.runtime.parser.node.ASTExpression;
import org.apache.velocity.runtime.parser.node.ASTMethod;
import org.apache.velocity.runtime.parser.node.ASTReference;
import org.apache.velocity.runtime.parser.node.ASTStringLiteral;
import org.apache.velocity.runtime.parser.node.Node;

/**
 * The JSONPaths a template passes as literals to {@code $input.json} and {@code $input.path}, compiled
 * at deploy time: a bad one is refused with the template (400 at PutIntegration, not 500 per request),
 * and requests reuse the compiled path. Paths built at render time are compiled when used.
 */
final class LiteralPaths {
  private LiteralPaths() {}

  static Map<String, JsonPath> compile(Node root) {
    Map<String, JsonPath> paths = new HashMap<>();
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (node instanceof ASTMethod method && isInputPathCall(method)) {
        String literal = literalArgument(method);
        if (literal != null && !paths.containsKey(literal)) {
          paths.put(literal, JsonPaths.compile(literal));
        }
      }
      for (int i = 0; i < node.jjtGetNumChildren(); i++) {
        pending.push(node.jjtGetChild(i));
      }
    }
    return Map.copyOf(paths);
  }

  private static boolean isInputPathCall(ASTMethod method) {
    String name = method.getMethodName();
    return ("json".equals(name) || "path".equals(name))
        && method.jjtGetParent() instanceof ASTReference reference
        && "input".equals(reference.getRootString());
  }

  /** The text of a lone string-literal argument, unless it interpolates a reference. */
  private static String literalArgument(ASTMethod method) {
    // children: the method name, then each argument as an expression
    if (method.jjtGetNumChildren() != 2) {
      return null;
    }
    Node argument = method.jjtGetChild(1);
    if (argument instanceof ASTExpression && argument.jjtGetNumChildren() == 1) {
      argument = argument.jjtGetChild(0);
    }
    if (!(argument instanceof ASTStringLiteral literal)) {
      return null;
    }
    String image = literal.literal();
    if (image.length() < 2) {
      return null;
    }
    char quote = image.charAt(0);
    String text = image.substring(1, image.length() - 1);
    if (quote == '"' && (text.contains("${") || text.contains("$!") || text.contains("#") || text.matches(".*\\$[A-Za-z].*"))) {
      return null;
    }
    return text.replace(String.valueOf(quote) + quote, String.valueOf(quote));
  }
}
