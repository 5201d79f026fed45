package dev.archway.control;

import dev.archway.auth.ApiKeyValues;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.PatchOperation;
import dev.archway.control.wire.PatchOperations;
import dev.archway.control.wire.PatchRules;
import dev.archway.model.ApiKey;
import dev.archway.model.ApiKeyDigest;
import dev.archway.model.Json;
import dev.archway.model.UsagePlan;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CreateApiKey, GetApiKey, GetApiKeys, UpdateApiKey, DeleteApiKey; ImportApiKeys lives in {@link ApiKeyImport}. */
final class ApiKeysHandler {
  private static final PatchRules RULES = PatchRules.builder()
      .string("name").string("description").bool("enabled").string("customerId")
      .build();

  private final Store store;

  ApiKeysHandler(Store store) {
    this.store = store;
  }

  record StageKey(String restApiId, String stageName) {}

  record CreateRequest(
      String name, String description, Boolean enabled, Boolean generateDistinctId, String value,
      List<StageKey> stageKeys, String customerId, Map<String, String> tags) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    String value = req.value() == null ? ApiKeyValues.generate() : checkValue(req.value());
    checkName(req.name());
    return store.write(docs -> {
      List<String> stageKeys = new ArrayList<>();
      for (StageKey stageKey : req.stageKeys() == null ? List.<StageKey>of() : req.stageKeys()) {
        stageKeys.add(stageKey(docs, call.caller(), stageKey.restApiId() + "/" + stageKey.stageName()));
      }
      long now = Drafts.now();
      ApiKey key = new ApiKey(newId(docs, call.caller()), value, nameOrNull(req.name()), req.customerId(), req.description(),
          Boolean.TRUE.equals(req.enabled()), now, now, stageKeys, req.tags() == null || req.tags().isEmpty() ? null : req.tags());
      save(docs, call.caller(), key);
      return key;
    });
  }

  Object get(Call call) {
    ApiKey key = store.read(docs -> key(docs, call.caller(), call.label("api_Key")));
    return "true".equalsIgnoreCase(call.query("includeValue")) ? key : key.withoutValue();
  }

  Object list(Call call) {
    String name = call.query("name");
    String customerId = call.query("customerId");
    boolean values = "true".equalsIgnoreCase(call.query("includeValues"));
    List<ApiKey> keys = store.read(docs -> docs.list(Kind.API_KEY, call.caller().scope())).stream()
        .filter(k -> name == null || (k.name() != null && k.name().startsWith(name)))
        .filter(k -> customerId == null || customerId.equals(k.customerId()))
        .map(k -> values ? k : k.withoutValue())
        .toList();
    return Paging.of(keys, call.query("position"), call.query("limit"));
  }

  Object update(Call call) {
    return store.write(docs -> {
      ApiKey key = key(docs, call.caller(), call.label("api_Key"));
      List<String> stageKeys = new ArrayList<>(key.stageKeys() == null ? List.of() : key.stageKeys());
      List<PatchOperation> plain = new ArrayList<>();
      for (PatchOperation op : PatchOperation.listFrom(call.body())) {
        if (!"/stages".equals(op.path())) {
          plain.add(op);
        } else if ("add".equals(op.op())) {
          String stageKey = stageKey(docs, call.caller(), op.value());
          if (!stageKeys.contains(stageKey)) {
            stageKeys.add(stageKey);
          }
        } else if ("remove".equals(op.op())) {
          stageKeys.remove(op.value());
        } else {
          throw ApiException.badRequest("Invalid patch operation specified. Must be one of: [add, remove]");
        }
      }
      ApiKey patched = read(PatchOperations.apply(Json.MAPPER.valueToTree(key), plain, RULES));
      checkName(patched.name());
      ApiKey updated = new ApiKey(key.id(), key.value(), nameOrNull(patched.name()), patched.customerId(), patched.description(),
          Boolean.TRUE.equals(patched.enabled()), key.createdDate(), Drafts.now(), stageKeys, key.tags());
      docs.put(Kind.API_KEY, call.caller().scope(), key.id(), updated);
      return updated.withoutValue();
    });
  }

  Object delete(Call call) {
    return store.write(docs -> {
      ApiKey key = key(docs, call.caller(), call.label("api_Key"));
      String scope = call.caller().scope();
      docs.delete(Kind.API_KEY, scope, key.id());
      docs.delete(Kind.API_KEY_DIGEST, scope, ApiKeyValues.sha256(key.value()));
      for (UsagePlan plan : docs.list(Kind.USAGE_PLAN, scope)) {
        docs.delete(Kind.USAGE_PLAN_KEY, plan.id(), key.id());
      }
      return null;
    });
  }

  static ApiKey key(Documents docs, Caller caller, String id) {
    return docs.get(Kind.API_KEY, caller.scope(), id)
        .orElseThrow(() -> ApiException.notFound("Invalid API Key identifier specified"));
  }

  /** Stores a key and its digest; another key with the same value is a conflict, as on AWS. */
  static void save(Documents docs, Caller caller, ApiKey key) {
    String digest = ApiKeyValues.sha256(key.value());
    docs.get(Kind.API_KEY_DIGEST, caller.scope(), digest).ifPresent(existing -> {
      if (!existing.keyId().equals(key.id())) {
        throw ApiException.conflict("API Key already exists");
      }
    });
    docs.put(Kind.API_KEY_DIGEST, caller.scope(), digest, new ApiKeyDigest(key.id()));
    docs.put(Kind.API_KEY, caller.scope(), key.id(), key);
  }

  static String newId(Documents docs, Caller caller) {
    String id = Ids.apiId();
    while (docs.get(Kind.API_KEY, caller.scope(), id).isPresent()) {
      id = Ids.apiId();
    }
    return id;
  }

  /** AWS accepts values of 20 to 128 letters and digits; the message never echoes the value. */
  static String checkValue(String value) {
    if (value.length() < 20) {
      throw ApiException.badRequest("API Key value should be at least 20 characters");
    }
    if (value.length() > 128) {
      throw ApiException.badRequest("API Key value should be at most 128 characters");
    }
    if (!value.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
      throw ApiException.badRequest("API Key value should contain only letters and digits");
    }
    return value;
  }

  static void checkName(String name) {
    if (name != null && name.length() > 1024) {
      throw ApiException.badRequest("Invalid API Key name, can be at most 1024 characters.");
    }
  }

  /** AWS stores an empty name as none: the key is answered without a {@code name}. */
  static String nameOrNull(String name) {
    return name == null || name.isEmpty() ? null : name;
  }

  /** {@code restApiId/stageName} naming an existing stage of the caller's API. */
  private static String stageKey(Documents docs, Caller caller, String stageKey) {
    int slash = stageKey == null ? -1 : stageKey.indexOf('/');
    if (slash < 1 || slash == stageKey.length() - 1) {
      throw ApiException.badRequest("Invalid stage key specified: " + stageKey + " (expected: restApiId/stageName)");
    }
    String apiId = stageKey.substring(0, slash);
    Drafts.api(docs, caller, apiId);
    if (docs.get(Kind.STAGE, apiId, stageKey.substring(slash + 1)).isEmpty()) {
      throw ApiException.badRequest("Invalid stage key specified: " + stageKey);
    }
    return stageKey;
  }

  private static ApiKey read(com.fasterxml.jackson.databind.node.ObjectNode node) {
    try {
      return Json.MAPPER.treeToValue(node, ApiKey.class);
    } catch (Exception e) {
      throw ApiException.badRequest("Invalid patch value: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
