package dev.archway.control.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.wire.PatchRules.Kind;
import dev.archway.control.wire.PatchRules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * A patch path resolved against its rule: where in the document it points, plus the map key or
 * list item named by its last element ({@code null} for a scalar or a bare list path). Knows how to
 * read, write and remove there; {@link PatchOperations} decides which of these an op means.
 */
record PatchTarget(Rule rule, String path, String element) {

  /** Splits a JSON pointer into unescaped elements (RFC 6901: "~1" is "/", then "~0" is "~"). */
  static List<String> split(String path) {
    if (path == null || !path.startsWith("/") || path.length() == 1) {
      return null;
    }
    List<String> elements = new ArrayList<>();
    for (String raw : path.substring(1).split("/", -1)) {
      elements.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return elements;
  }

  /** The same location naming {@code item}; lists accept the item in the value instead of the path. */
  PatchTarget naming(String item) {
    return new PatchTarget(rule, path, item);
  }

  Kind kind() {
    return rule.kind();
  }

  /** What AWS would list as the valid ops here; used only in error messages. */
  String supportedOps() {
    if (kind() == Kind.OBJECT) {
      return "[remove]";
    }
    if (kind().isScalar()) {
      return rule.required() ? "[replace]" : "[replace, remove]";
    }
    return "[add, remove, replace]";
  }

  /** The current value as the string a client would send, or null when there is none. */
  String read(ObjectNode doc) {
    JsonNode container = container(doc, false);
    if (container == null || kind() == Kind.OBJECT) {
      return null;
    }
    if (kind() == Kind.STRING_LIST) {
      int index = indexOf((ArrayNode) container, element);
      return index < 0 ? null : container.get(index).asText();
    }
    JsonNode node = container.get(kind().isScalar() ? lastName() : element);
    return node == null || node.isNull() ? null : node.asText();
  }

  /** Sets a scalar or map entry; for a list, adds the item (value named by path or by value). */
  void write(ObjectNode doc, String value) {
    if (kind() == Kind.INTEGER && (value == null || value.isEmpty())) {
      remove(doc); // AWS clears a nullable integer given an empty value (minimumCompressionSize)
      return;
    }
    JsonNode typed = PatchValues.typed(kind(), value, path);
    if (kind().isScalar()) {
      parent(doc, true).set(lastName(), typed);
    } else if (kind() == Kind.STRING_LIST) {
      ArrayNode list = (ArrayNode) container(doc, true);
      if (indexOf(list, typed.asText()) < 0) { // the lists AWS patches this way behave as sets
        list.add(typed);
      }
    } else {
      ((ObjectNode) container(doc, true)).set(element, typed);
    }
  }

  /** Removes the scalar, map entry or list item; absent targets are already removed. */
  void remove(ObjectNode doc) {
    JsonNode container = container(doc, false);
    if (container instanceof ArrayNode list) {
      int index = indexOf(list, element);
      if (index >= 0) {
        list.remove(index);
      }
    } else if (container instanceof ObjectNode object) {
      object.remove(kind().isScalar() ? lastName() : element);
    }
    prune(doc, rule.names());
  }

  /** For lists: the position of an item given by value, else by index ("/types/0"); -1 if none. */
  static int indexOf(ArrayNode list, String item) {
    if (item == null) {
      return -1;
    }
    for (int i = 0; i < list.size(); i++) {
      if (item.equals(list.get(i).asText())) {
        return i;
      }
    }
    if (item.matches("\\d{1,9}") && Integer.parseInt(item) < list.size()) {
      return Integer.parseInt(item);
    }
    return -1;
  }

  private String lastName() {
    return rule.names().get(rule.names().size() - 1);
  }

  /** The object that holds the rule's last member, creating intermediate objects on demand. */
  private ObjectNode parent(ObjectNode doc, boolean create) {
    ObjectNode current = doc;
    for (String name : rule.names().subList(0, rule.names().size() - 1)) {
      JsonNode next = current.get(name);
      if (!(next instanceof ObjectNode)) {
        if (!create) {
          return null;
        }
        next = current.putObject(name);
      }
      current = (ObjectNode) next;
    }
    return current;
  }

  /** For maps and lists: the container itself; for scalars: the object holding the member. */
  private JsonNode container(ObjectNode doc, boolean create) {
    ObjectNode parent = parent(doc, create);
    if (parent == null || kind().isScalar()) {
      return parent;
    }
    JsonNode node = parent.get(lastName());
    boolean list = kind() == Kind.STRING_LIST;
    if (list ? node instanceof ArrayNode : node instanceof ObjectNode) {
      return node;
    }
    if (!create) {
      return null;
    }
    return list ? parent.putArray(lastName()) : parent.putObject(lastName());
  }

  /**
   * AWS omits empty maps and lists from its responses (a Stage with no variables has no
   * "variables"), so a remove that empties a container drops it, and any parent it emptied.
   */
  private static void prune(ObjectNode doc, List<String> names) {
    for (int depth = names.size(); depth > 0; depth--) {
      JsonNode parent = doc;
      for (String name : names.subList(0, depth - 1)) {
        parent = parent.path(name);
      }
      JsonNode child = parent.get(names.get(depth - 1));
      if (child == null) {
        continue; // the removed scalar itself: look at the object that held it
      }
      if (!(parent instanceof ObjectNode holder) || !child.isContainerNode() || !child.isEmpty()) {
        return;
      }
      holder.remove(names.get(depth - 1));
    }
  }
}
