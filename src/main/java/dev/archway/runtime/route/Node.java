package dev.archway.runtime.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One level of the immutable route trie. A node answers for the resource whose path ends here
 * ({@link #methods}) and knows its children: literal path parts, one {@code {param}} child and
 * the routes of a greedy {@code {name+}} child. Parameter names live on the routes, not on the
 * nodes, so "/pets/{id}" and "/pets/{petId}/toys" can share the {param} child.
 */
final class Node<T> {
  /** What ANY answers; anything else (TRACE, CONNECT, lowercase...) matches no route. */
  static final Set<String> ANY_COVERS =
      Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

  private final Map<String, Route<T>> methods;
  private final Map<String, Node<T>> literals;
  private final Node<T> param; // null when no {param} child
  private final Map<String, Route<T>> greedy;

  private Node(Map<String, Route<T>> methods, Map<String, Node<T>> literals, Node<T> param,
      Map<String, Route<T>> greedy) {
    this.methods = methods;
    this.literals = literals;
    this.param = param;
    this.greedy = greedy;
  }

  /** Builds the subtree for routes that share their first {@code depth} segments. */
  static <T> Node<T> of(List<Route<T>> routes, int depth) {
    List<Route<T>> here = new ArrayList<>();
    List<Route<T>> greedyHere = new ArrayList<>();
    List<Route<T>> params = new ArrayList<>();
    Map<String, List<Route<T>>> byLiteral = new LinkedHashMap<>();
    for (Route<T> route : routes) {
      List<ResourcePath.Segment> segments = route.path().segments();
      if (segments.size() == depth) {
        here.add(route);
        continue;
      }
      ResourcePath.Segment next = segments.get(depth);
      switch (next.kind()) {
        case LITERAL -> byLiteral.computeIfAbsent(next.value(), k -> new ArrayList<>()).add(route);
        case PARAM -> params.add(route);
        case GREEDY -> greedyHere.add(route);
      }
    }
    Map<String, Node<T>> literals = byLiteral.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> of(e.getValue(), depth + 1)));
    return new Node<>(byMethod(here), literals, params.isEmpty() ? null : of(params, depth + 1),
        byMethod(greedyHere));
  }

  private static <T> Map<String, Route<T>> byMethod(List<Route<T>> routes) {
    // toUnmodifiableMap throws on a duplicate method; the builder has already refused those.
    return routes.stream().collect(Collectors.toUnmodifiableMap(Route::method, r -> r));
  }

  /**
   * Depth-first search in AWS precedence: literal child, then {param}, then greedy. A branch that
   * reaches a resource without the method gives up and lets a less specific branch try, so
   * "/a/b/d" still finds "/{x}/b/d" after "/a/b" led nowhere. Each node sits at one depth and
   * consumes one segment, so a search visits every node at most once: no exponential blow-up.
   */
  Route<T> find(String method, String[] segments, int i) {
    if (i == segments.length) {
      return pick(methods, method); // a greedy child never matches its parent path
    }
    Node<T> literal = literals.get(segments[i]);
    if (literal != null) {
      Route<T> found = literal.find(method, segments, i + 1);
      if (found != null) {
        return found;
      }
    }
    if (param != null) {
      Route<T> found = param.find(method, segments, i + 1);
      if (found != null) {
        return found;
      }
    }
    return pick(greedy, method);
  }

  private static <T> Route<T> pick(Map<String, Route<T>> methods, String method) {
    if (!ANY_COVERS.contains(method)) {
      return null; // also keeps a request whose method is literally "ANY" off ANY routes
    }
    Route<T> explicit = methods.get(method);
    if (explicit != null) {
      return explicit;
    }
    return methods.get("ANY");
  }
}
