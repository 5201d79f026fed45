package dev.archway.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource of a REST API with its methods embedded, as {@code GetResource?embed=methods}
 * returns it. Stored whole, so a method edit is one read-modify-write of its resource.
 */
public record Resource(
    String id, String parentId, String pathPart, String path, Map<String, Method> resourceMethods) {

  public Method method(String httpMethod) {
    return resourceMethods == null ? null : resourceMethods.get(httpMethod);
  }

  public Resource withMethod(String httpMethod, Method method) {
    Map<String, Method> methods = resourceMethods == null ? new LinkedHashMap<>() : new LinkedHashMap<>(resourceMethods);
    if (method == null) {
      methods.remove(httpMethod);
    } else {
      methods.put(httpMethod, method);
    }
    return new Resource(id, parentId, pathPart, path, methods.isEmpty() ? null : methods);
  }

  public Resource withPath(String newParentId, String newPathPart, String newPath) {
    return new Resource(id, newParentId, newPathPart, newPath, resourceMethods);
  }

  /** The shape GetResources returns without {@code embed=methods}: method names only, as empty objects. */
  public Resource withoutMethodDetails() {
    if (resourceMethods == null) {
      return this;
    }
    Map<String, Method> names = new LinkedHashMap<>();
    resourceMethods.keySet().forEach(m -> names.put(m, Method.EMPTY));
    return new Resource(id, parentId, pathPart, path, names);
  }
}
