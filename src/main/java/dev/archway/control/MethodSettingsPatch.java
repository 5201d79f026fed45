package dev.archway.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.PatchOperation;
import dev.archway.model.Json;
import dev.archway.model.MethodSetting;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateStage's method-settings paths: {@code /{resourcePath}/{httpMethod}/{group}/{setting}},
 * e.g. {@code /*}{@code /*}{@code /throttling/rateLimit} or {@code /~1pets/GET/caching/enabled},
 * and {@code remove /{resourcePath}/{httpMethod}}. The settings key is the path's text before the
 * setting, as AWS keeps it ({@code "*}{@code /*"}, {@code "~1pets/GET"}); a method first touched
 * starts from AWS's defaults.
 */
final class MethodSettingsPatch {
  private enum Type { BOOLEAN, INTEGER, NUMBER, LOG_LEVEL, CACHE_CONTROL_STRATEGY }

  private record Setting(String member, Type type) {}

  private static final Map<String, Setting> SETTINGS = Map.ofEntries(
      Map.entry("metrics/enabled", new Setting("metricsEnabled", Type.BOOLEAN)),
      Map.entry("logging/loglevel", new Setting("loggingLevel", Type.LOG_LEVEL)),
      Map.entry("logging/dataTrace", new Setting("dataTraceEnabled", Type.BOOLEAN)),
      Map.entry("throttling/burstLimit", new Setting("throttlingBurstLimit", Type.INTEGER)),
      Map.entry("throttling/rateLimit", new Setting("throttlingRateLimit", Type.NUMBER)),
      Map.entry("caching/enabled", new Setting("cachingEnabled", Type.BOOLEAN)),
      Map.entry("caching/ttlInSeconds", new Setting("cacheTtlInSeconds", Type.INTEGER)),
      Map.entry("caching/dataEncrypted", new Setting("cacheDataEncrypted", Type.BOOLEAN)),
      Map.entry("caching/requireAuthorizationForCacheControl", new Setting("requireAuthorizationForCacheControl", Type.BOOLEAN)),
      Map.entry("caching/unauthorizedCacheControlHeaderStrategy",
          new Setting("unauthorizedCacheControlHeaderStrategy", Type.CACHE_CONTROL_STRATEGY)));
  private static final Set<String> STAGE_MEMBERS = Set.of("variables", "canarySettings", "accessLogSettings");
  private static final Set<String> LOG_LEVELS = Set.of("OFF", "ERROR", "INFO");
  private static final Set<String> STRATEGIES =
      Set.of("FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER", "SUCCEED_WITHOUT_RESPONSE_HEADER");

  private MethodSettingsPatch() {}

  /** Whether an op addresses method settings rather than a member of the stage. */
  static boolean handles(PatchOperation op) {
    String[] e = elements(op.path());
    if (e.length >= 4) {
      return SETTINGS.containsKey(e[e.length - 2] + "/" + e[e.length - 1]);
    }
    return e.length == 2 && "remove".equals(op.op()) && !STAGE_MEMBERS.contains(e[0]) && isMethod(e[1]);
  }

  static Map<String, MethodSetting> apply(Map<String, MethodSetting> current, List<PatchOperation> ops) {
    Map<String, MethodSetting> settings = new LinkedHashMap<>(current == null ? Map.of() : current);
    for (PatchOperation op : ops) {
      String[] e = elements(op.path());
      if (e.length == 2) {
        String key = e[0] + "/" + e[1];
        if (settings.remove(key) == null) {
          throw ApiException.badRequest("Cannot remove method setting " + key + " because there is no method setting for this method ");
        }
        continue;
      }
      if (!"replace".equals(op.op())) {
        throw ApiException.badRequest("Invalid patch operation specified. Must be one of: [replace]");
      }
      String method = e[e.length - 3];
      if (!isMethod(method)) {
        throw ApiException.badRequest("Invalid method setting path: " + op.path() + " (expected: /{resourcePath}/{httpMethod}/{setting})");
      }
      String key = String.join("/", Arrays.asList(e).subList(0, e.length - 2));
      Setting setting = SETTINGS.get(e[e.length - 2] + "/" + e[e.length - 1]);
      ObjectNode node = Json.MAPPER.valueToTree(settings.getOrDefault(key, MethodSetting.defaults()));
      set(node, setting, op);
      settings.put(key, Json.MAPPER.convertValue(node, MethodSetting.class));
    }
    return settings;
  }

  private static void set(ObjectNode node, Setting setting, PatchOperation op) {
    String value = op.value() == null ? "" : op.value().trim();
    String member = setting.member();
    try {
      switch (setting.type()) {
        case BOOLEAN -> {
          if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw invalid(op, "true or false");
          }
          node.put(member, Boolean.parseBoolean(value));
        }
        case INTEGER -> {
          int n = Integer.parseInt(value);
          if (n < 0 || (member.equals("cacheTtlInSeconds") && n > 3600)) {
            throw invalid(op, member.equals("cacheTtlInSeconds") ? "0..3600" : ">= 0");
          }
          node.put(member, n);
        }
        case NUMBER -> {
          double n = Double.parseDouble(value);
          if (!Double.isFinite(n) || n < 0) {
            throw invalid(op, ">= 0");
          }
          node.put(member, n);
        }
        case LOG_LEVEL -> node.put(member, oneOf(value, LOG_LEVELS, op, "OFF, ERROR or INFO"));
        case CACHE_CONTROL_STRATEGY -> node.put(member, oneOf(value, STRATEGIES, op,
            "FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER or SUCCEED_WITHOUT_RESPONSE_HEADER"));
      }
    } catch (NumberFormatException e) {
      throw invalid(op, "a number");
    }
  }

  private static String oneOf(String value, Set<String> allowed, PatchOperation op, String expected) {
    if (!allowed.contains(value)) {
      throw invalid(op, expected);
    }
    return value;
  }

  private static ApiException invalid(PatchOperation op, String expected) {
    String value = op.value() == null ? "nothing" : "'" + (op.value().length() > 40 ? op.value().substring(0, 40) + "..." : op.value()) + "'";
    return ApiException.badRequest("Invalid value for method setting path " + op.path() + ": " + value + " (expected: " + expected + ")");
  }

  private static boolean isMethod(String element) {
    return element.equals("*") || MethodsHandler.HTTP_METHODS.contains(element);
  }

  /** The raw path elements: "~1" stays escaped, because AWS keys method settings by the escaped text. */
  private static String[] elements(String path) {
    if (path == null || !path.startsWith("/") || path.length() == 1) {
      return new String[0];
    }
    return path.substring(1).split("/", -1);
  }
}
