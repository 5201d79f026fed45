package dev.archway.mapping;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.runtime.directive.ForeachScope;
import org.apache.velocity.runtime.parser.node.ASTIntegerRange;

/**
 * The methods a mapping template may call, by the type of the object (the first type that matches
 * wins). Everything else is refused, whatever the class: no {@code getClass}, nothing reflective,
 * no file, thread, system or class-loader access can be reached, because no allowed method returns
 * such an object. Methods that read system properties ({@code Integer.getInteger}) or grow data
 * without bound ({@code String.repeat}) are left out on purpose.
 */
final class AllowList {
  private static final Set<String> INPUT = Set.of("getBody", "json", "path", "params");
  private static final Set<String> UTIL =
      Set.of("escapeJavaScript", "parseJson", "urlEncode", "urlDecode", "base64Encode", "base64Decode");
  private static final Set<String> FOREACH = Set.of("getIndex", "getCount", "hasNext", "getHasNext", "isFirst",
      "getFirst", "isLast", "getLast", "getParent", "getTopmost", "stop");
  private static final Set<String> STRING = Set.of("length", "isEmpty", "isBlank", "charAt", "substring", "indexOf",
      "lastIndexOf", "contains", "startsWith", "endsWith", "equals", "equalsIgnoreCase", "compareTo",
      "compareToIgnoreCase", "toLowerCase", "toUpperCase", "trim", "strip", "stripLeading", "stripTrailing",
      "toString", "hashCode", "valueOf",
      // bounded re-implementations, see StringMethods
      "replace", "replaceAll", "replaceFirst", "split", "matches", "concat");
  private static final Set<String> MAP = Set.of("get", "getOrDefault", "containsKey", "containsValue", "keySet",
      "values", "entrySet", "size", "isEmpty", "put", "putAll", "putIfAbsent", "remove", "clear", "toString",
      "equals", "hashCode");
  private static final Set<String> LIST = Set.of("get", "size", "isEmpty", "contains", "containsAll", "indexOf",
      "lastIndexOf", "add", "addAll", "remove", "set", "clear", "subList", "toString", "equals", "hashCode");
  /** {@code [1..n]}: its {@code indexOf}/{@code contains} coerce their argument by printing it, unbounded. */
  private static final Set<String> RANGE = Set.of("get", "size", "isEmpty", "subList", "toString", "equals", "hashCode");
  private static final Set<String> COLLECTION =
      Set.of("size", "isEmpty", "contains", "containsAll", "remove", "toString", "equals", "hashCode");
  private static final Set<String> ENTRY = Set.of("getKey", "getValue", "toString", "equals", "hashCode");
  private static final Set<String> NUMBER = Set.of("intValue", "longValue", "doubleValue", "floatValue",
      "shortValue", "byteValue", "toString", "equals", "hashCode", "compareTo", "parseInt", "parseLong",
      "parseDouble", "parseFloat", "valueOf", "isNaN", "isInfinite", "toPlainString", "signum", "abs", "negate");
  private static final Set<String> BOOLEAN =
      Set.of("booleanValue", "toString", "equals", "hashCode", "compareTo", "parseBoolean", "valueOf");
  private static final Set<String> CHARACTER = Set.of("charValue", "toString", "equals", "hashCode", "compareTo");

  private static final List<Map.Entry<Class<?>, Set<String>>> RULES = List.of(
      Map.entry(InputVariable.class, INPUT),
      Map.entry(UtilVariable.class, UTIL),
      Map.entry(ForeachScope.class, FOREACH),
      Map.entry(String.class, STRING),
      Map.entry(Map.class, MAP),
      Map.entry(ASTIntegerRange.IntegerRange.class, RANGE),
      Map.entry(List.class, LIST),
      Map.entry(Collection.class, COLLECTION),
      Map.entry(Map.Entry.class, ENTRY),
      Map.entry(Number.class, NUMBER),
      Map.entry(Boolean.class, BOOLEAN),
      Map.entry(Character.class, CHARACTER));

  private AllowList() {}

  /** The methods allowed on this object; empty for a type templates may not touch. */
  static Set<String> methodsOf(Object target) {
    if (target.getClass().isArray()) {
      return LIST;
    }
    for (Map.Entry<Class<?>, Set<String>> rule : RULES) {
      if (rule.getKey().isInstance(target)) {
        return rule.getValue();
      }
    }
    return Set.of();
  }

  /** Whether {@code #foreach} may walk this object (Velocity walks a map's values). */
  static boolean iterable(Object target) {
    return target instanceof Collection<?> || target instanceof Map<?, ?> || target.getClass().isArray();
  }
}
