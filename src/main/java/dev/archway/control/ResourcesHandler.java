package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.Patchable;
import dev.archway.model.Resource;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** GetResources, GetResource, CreateResource, UpdateResource, DeleteResource. */
final class ResourcesHandler {
  /** A literal segment, a {param} or a greedy {param+}, as AWS accepts them: a plus sign only just before the closing brace. */
  private static final Pattern PATH_PART = Pattern.compile("[A-Za-z0-9._:@~$&'()*,;=-]+|\\{[A-Za-z0-9._-]+\\+?}");

  private final Store store;

  ResourcesHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(String pathPart) {}

  Object list(Call call) {
    String apiId = call.label("restapi_id");
    boolean embed = embedsMethods(call);
    List<Resource> all = store.read(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      return docs.list(Kind.RESOURCE, apiId);
    });
    List<Resource> shown = embed ? all : all.stream().map(Resource::withoutMethodDetails).toList();
    return Paging.of(shown, call.query("position"), call.query("limit"));
  }

  Object get(Call call) {
    Resource resource = store.read(docs -> Drafts.resource(docs, call.caller(), call.label("restapi_id"), call.label("resource_id")));
    return embedsMethods(call) ? resource : resource.withoutMethodDetails();
  }

  Object create(Call call) {
    String apiId = call.label("restapi_id");
    String pathPart = call.bodyAs(CreateRequest.class).pathPart();
    return store.write(docs -> {
      Resource parent = Drafts.resource(docs, call.caller(), apiId, call.label("resource_id"));
      checkPlacement(docs, apiId, parent, pathPart, null);
      Resource created = new Resource(Ids.shortId(), parent.id(), pathPart, childPath(parent, pathPart), null);
      docs.put(Kind.RESOURCE, apiId, created.id(), created);
      return created;
    });
  }

  Object update(Call call) {
    String apiId = call.label("restapi_id");
    return store.write(docs -> {
      Resource resource = Drafts.resource(docs, call.caller(), apiId, call.label("resource_id"));
      if (resource.parentId() == null) {
        throw ApiException.badRequest("Cannot modify the root resource");
      }
      Resource patched = Drafts.patch(resource, call, Patchable.RESOURCE, Resource.class);
      Resource parent = docs.get(Kind.RESOURCE, apiId, patched.parentId())
          .orElseThrow(() -> ApiException.notFound("Invalid Resource identifier specified"));
      if (isSelfOrDescendant(docs, apiId, parent, resource.id())) {
        throw ApiException.badRequest("Resource cannot be moved under itself or its descendants");
      }
      checkPlacement(docs, apiId, parent, patched.pathPart(), resource.id());
      Resource moved = resource.withPath(parent.id(), patched.pathPart(), childPath(parent, patched.pathPart()));
      docs.put(Kind.RESOURCE, apiId, moved.id(), moved);
      repath(docs, apiId, moved);
      return moved;
    });
  }

  Object delete(Call call) {
    String apiId = call.label("restapi_id");
    return store.write(docs -> {
      Resource resource = Drafts.resource(docs, call.caller(), apiId, call.label("resource_id"));
      if (resource.parentId() == null) {
        throw ApiException.badRequest("Cannot delete the root resource");
      }
      List<Resource> all = docs.list(Kind.RESOURCE, apiId);
      for (Resource r : all) {
        if (r.id().equals(resource.id()) || isUnder(all, r, resource.id())) {
          docs.delete(Kind.RESOURCE, apiId, r.id());
        }
      }
      return null;
    });
  }

  /** AWS's rules for a new path part under a parent; {@code self} is the resource being moved, if any. */
  private static void checkPlacement(Documents docs, String apiId, Resource parent, String pathPart, String self) {
    if (pathPart == null || !PATH_PART.matcher(pathPart).matches()) {
      throw ApiException.badRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.");
    }
    if (parent.pathPart() != null && parent.pathPart().endsWith("+}")) {
      throw ApiException.badRequest("Cannot create a child of a resource with a greedy path variable: " + parent.pathPart());
    }
    boolean variable = pathPart.startsWith("{");
    for (Resource sibling : docs.list(Kind.RESOURCE, apiId)) {
      if (!parent.id().equals(sibling.parentId()) || sibling.id().equals(self)) {
        continue;
      }
      if (sibling.pathPart().equals(pathPart)) {
        throw ApiException.conflict("Another resource with the same parent already has this name: " + pathPart);
      }
      // One variable part among siblings, greedy or not: /{id} next to /{proxy+} would be ambiguous.
      if (variable && sibling.pathPart().startsWith("{")) {
        throw ApiException.badRequest("A sibling (" + sibling.pathPart() + ") of this resource already has a variable path part -- only one is allowed");
      }
    }
  }

  /** Rewrites the path of every descendant after a move or rename. */
  private static void repath(Documents docs, String apiId, Resource moved) {
    List<Resource> all = docs.list(Kind.RESOURCE, apiId);
    List<Resource> frontier = new ArrayList<>(List.of(moved));
    while (!frontier.isEmpty()) {
      Resource parent = frontier.remove(0);
      for (Resource child : all) {
        if (parent.id().equals(child.parentId())) {
          Resource updated = child.withPath(parent.id(), child.pathPart(), childPath(parent, child.pathPart()));
          docs.put(Kind.RESOURCE, apiId, updated.id(), updated);
          frontier.add(updated);
        }
      }
    }
  }

  private static boolean isSelfOrDescendant(Documents docs, String apiId, Resource candidate, String ancestorId) {
    return candidate.id().equals(ancestorId) || isUnder(docs.list(Kind.RESOURCE, apiId), candidate, ancestorId);
  }

  private static boolean isUnder(List<Resource> all, Resource resource, String ancestorId) {
    Map<String, String> parents = new HashMap<>();
    all.forEach(r -> parents.put(r.id(), r.parentId()));
    String parentId = resource.parentId();
    for (int depth = 0; parentId != null && depth <= all.size(); depth++) {
      if (parentId.equals(ancestorId)) {
        return true;
      }
      parentId = parents.get(parentId);
    }
    return false;
  }

  private static String childPath(Resource parent, String pathPart) {
    return "/".equals(parent.path()) ? "/" + pathPart : parent.path() + "/" + pathPart;
  }

  private static boolean embedsMethods(Call call) {
    return call.queryAll("embed").stream().anyMatch("methods"::equals);
  }
}
