package dev.archway.control.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.wire.PatchRules.Kind;
import java.util.List;
import java.util.Objects;

/**
 * Applies API Gateway v1 patch operations (JSON-Patch-like, but AWS's dialect: string values,
 * list items named by value, a fixed set of paths per resource) to a stored resource document.
 */
public final class PatchOperations {

  private PatchOperations() {}

  /**
   * Applies {@code ops} in order to a deep copy of {@code doc} and returns the copy. Because the
   * caller's document is never touched, a failing op anywhere in the list leaves nothing applied:
   * the handler simply does not store the result.
   */
  public static ObjectNode apply(ObjectNode doc, List<PatchOperation> ops, PatchRules rules) {
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(rules, "rules");
    ObjectNode copy = doc.deepCopy();
    for (PatchOperation op : ops == null ? List.<PatchOperation>of() : ops) {
      if (op == null) {
        throw ApiException.badRequest("patchOperations: null (expected: a patch operation)");
      }
      applyOne(copy, op, rules);
    }
    return copy;
  }

  private static void applyOne(ObjectNode doc, PatchOperation op, PatchRules rules) {
    String name = op.op() == null ? "" : op.op();
    switch (name) {
      case "add" -> add(doc, rules, target(rules, op, op.path()), op.value());
      case "replace" -> replace(doc, rules, target(rules, op, op.path()), op.value());
      case "remove" -> remove(doc, rules, "remove", target(rules, op, op.path()), op.value());
      case "test" -> test(doc, target(rules, op, op.path()), op.value());
      case "copy", "move" -> copyOrMove(doc, rules, op);
      default -> throw ApiException.badRequest("Invalid patch operation specified. "
          + "Must be 'add'|'remove'|'replace'|'move'|'copy'|'test'");
    }
  }

  private static PatchTarget target(PatchRules rules, PatchOperation op, String path) {
    return rules.resolve(op.op(), path);
  }

  /** add names a map key or a list item; a scalar is set with replace (AWS rejects add there). */
  private static void add(ObjectNode doc, PatchRules rules, PatchTarget target, String value) {
    if (target.kind().isScalar()) {
      throw rules.unsupportedOp("add", target);
    }
    target.write(doc, target.kind() == Kind.STRING_LIST ? listItem(rules, "add", target, value)
        : value);
  }

  /**
   * For /binaryMediaTypes/image~1png the item is the path element; in the bare form that AWS uses
   * for some lists (add /authorizationScopes, value "read") it is the value.
   */
  private static String listItem(PatchRules rules, String op, PatchTarget target, String value) {
    String item = target.element() != null ? target.element() : value;
    if (item == null) {
      throw rules.invalidPath(op, target.path());
    }
    return item;
  }

  /**
   * replace sets a scalar or map entry. On a list it swaps the named item for the value; like AWS
   * it removes the old item and appends the new one, so the new item ends up last.
   */
  private static void replace(ObjectNode doc, PatchRules rules, PatchTarget target, String value) {
    if (target.kind() == Kind.OBJECT) {
      throw rules.unsupportedOp("replace", target);
    }
    if (target.kind() != Kind.STRING_LIST) {
      target.write(doc, value);
      return;
    }
    if (target.element() == null) {
      throw rules.invalidPath("replace", target.path());
    }
    if (target.read(doc) == null) {
      throw ApiException.badRequest("Invalid patch path " + target.path()
          + ": no item '" + target.element() + "' to replace");
    }
    PatchValues.typed(target.kind(), value, target.path()); // fail before removing anything
    target.remove(doc);
    target.write(doc, value);
  }

  /** Removing what is already absent succeeds, so a retried update is harmless. */
  private static void remove(ObjectNode doc, PatchRules rules, String op, PatchTarget target,
      String value) {
    if (target.kind().isScalar() && target.rule().required()) {
      throw rules.unsupportedOp(op, target);
    }
    if (target.kind() == Kind.STRING_LIST) {
      target.naming(listItem(rules, op, target, value)).remove(doc);
      return;
    }
    target.remove(doc);
  }

  /** RFC 6902 test: the current value, as its string, must equal the op's value. */
  private static void test(ObjectNode doc, PatchTarget target, String value) {
    String current = target.read(doc);
    if (!Objects.equals(current, value)) {
      throw ApiException.badRequest("Patch test failed for path " + target.path()
          + ": found " + quote(current) + ", expected " + quote(value));
    }
  }

  /**
   * copy reads the value at {@code from} and writes it at {@code path} as the target's own op
   * would (add for map entries and list items, replace for scalars), re-typed for the target;
   * this is how AWS promotes a canary: copy /canarySettings/deploymentId to /deploymentId.
   * move is copy followed by a remove of {@code from}.
   */
  private static void copyOrMove(ObjectNode doc, PatchRules rules, PatchOperation op) {
    if (op.from() == null) {
      throw ApiException.badRequest("Invalid patch operation: op '" + op.op() + "' on path "
          + op.path() + " has no 'from' (expected: the path to " + op.op() + " from)");
    }
    PatchTarget source = target(rules, op, op.from());
    PatchTarget destination = target(rules, op, op.path());
    if (source.kind() == Kind.STRING_LIST && source.element() == null) {
      throw rules.invalidPath(op.op(), op.from());
    }
    String value = source.read(doc);
    if (value == null) {
      throw ApiException.badRequest("Invalid patch path " + op.from()
          + ": nothing to " + op.op() + " from");
    }
    if (op.op().equals("move")) {
      remove(doc, rules, "move", source, null);
    }
    if (destination.kind() == Kind.STRING_LIST) {
      destination.write(doc, value); // the item copied is the value, whatever the path names
    } else {
      replace(doc, rules, destination, value);
    }
  }

  private static String quote(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }
}
