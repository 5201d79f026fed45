package dev.archway.control;

import dev.archway.auth.ApiKeyValues;
import dev.archway.control.wire.ApiException;
import dev.archway.model.ApiKey;
import dev.archway.model.ApiKeyDigest;
import dev.archway.model.UsagePlan;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ImportApiKeys ({@code POST /apikeys?mode=import&format=csv}): AWS's API key file, columns Name
 * and Key required, Description, Enabled and UsagePlanIds optional, in any order and case. A key
 * whose value exists already is overwritten. Bad rows become warnings; with
 * {@code failonwarnings=true} any warning imports nothing.
 */
final class ApiKeyImport {
  private final Store store;

  ApiKeyImport(Store store) {
    this.store = store;
  }

  /** AWS's ApiKeyIds shape. */
  record ApiKeyIds(List<String> ids, List<String> warnings) {}

  private record Row(int line, String name, String value, String description, boolean enabled, List<String> planIds) {}

  Object importKeys(Call call) {
    if (!"csv".equals(call.query("format"))) {
      throw ApiException.badRequest("Invalid format: " + call.query("format") + " (expected: csv)");
    }
    boolean failOnWarnings = "true".equalsIgnoreCase(call.query("failonwarnings"));
    List<List<String>> records = CsvRecords.parse(new String(call.rawBody(), StandardCharsets.UTF_8));
    if (records.isEmpty()) {
      throw ApiException.badRequest("Invalid API key file: it is empty (expected: a header with Name and Key)");
    }
    List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    if (!header.contains("name") || !header.contains("key")) {
      throw ApiException.badRequest("Invalid API key file: the header must name the Name and Key columns, found " + records.get(0));
    }
    List<String> warnings = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      Row row = row(header, records.get(i), i + 1, warnings);
      if (row != null) {
        rows.add(row);
      }
    }
    failIfWarned(failOnWarnings, warnings);
    List<String> ids = store.write(docs -> {
      List<String> imported = new ArrayList<>();
      for (Row row : rows) {
        ApiKey key = upsert(docs, call.caller(), row);
        imported.add(key.id());
        for (String planId : row.planIds()) {
          attach(docs, call.caller(), key, planId, row.line(), warnings);
        }
      }
      failIfWarned(failOnWarnings, warnings);
      return imported;
    });
    return new ApiKeyIds(ids, warnings.isEmpty() ? null : warnings);
  }

  private static Row row(List<String> header, List<String> fields, int line, List<String> warnings) {
    Map<String, String> values = new java.util.HashMap<>();
    for (int c = 0; c < header.size() && c < fields.size(); c++) {
      values.putIfAbsent(header.get(c), fields.get(c).trim());
    }
    String value = values.getOrDefault("key", "");
    String name = values.getOrDefault("name", "");
    try {
      ApiKeysHandler.checkValue(value);
      ApiKeysHandler.checkName(name);
    } catch (ApiException e) {
      warnings.add("Line " + line + ": " + e.getMessage());
      return null;
    }
    String enabled = values.getOrDefault("enabled", "");
    if (!enabled.isEmpty() && !enabled.equalsIgnoreCase("true") && !enabled.equalsIgnoreCase("false")) {
      warnings.add("Line " + line + ": Enabled must be true or false, not '" + abbreviate(enabled) + "'");
      return null;
    }
    List<String> plans = new ArrayList<>();
    for (String id : values.getOrDefault("usageplanids", "").split(",")) {
      if (!id.isBlank()) {
        plans.add(id.trim());
      }
    }
    return new Row(line, name.isEmpty() ? null : name, value, values.getOrDefault("description", "").isEmpty()
        ? null : values.get("description"), !enabled.equalsIgnoreCase("false"), plans);
  }

  private static ApiKey upsert(Documents docs, Caller caller, Row row) {
    long now = Drafts.now();
    ApiKey existing = docs.get(Kind.API_KEY_DIGEST, caller.scope(), ApiKeyValues.sha256(row.value()))
        .map(ApiKeyDigest::keyId).flatMap(id -> docs.get(Kind.API_KEY, caller.scope(), id)).orElse(null);
    ApiKey key = existing == null
        ? new ApiKey(ApiKeysHandler.newId(docs, caller), row.value(), row.name(), null, row.description(), row.enabled(),
            now, now, List.of(), null)
        : new ApiKey(existing.id(), existing.value(), row.name(), existing.customerId(), row.description(), row.enabled(),
            existing.createdDate(), now, existing.stageKeys(), existing.tags());
    ApiKeysHandler.save(docs, caller, key);
    return key;
  }

  private static void attach(Documents docs, Caller caller, ApiKey key, String planId, int line, List<String> warnings) {
    UsagePlan plan = docs.get(Kind.USAGE_PLAN, caller.scope(), planId).orElse(null);
    if (plan == null) {
      warnings.add("Line " + line + ": Invalid Usage Plan ID specified: " + abbreviate(planId));
      return;
    }
    try {
      UsagePlanKeysHandler.attach(docs, caller, plan, key);
    } catch (ApiException e) {
      warnings.add("Line " + line + ": " + e.getMessage());
    }
  }

  private static void failIfWarned(boolean failOnWarnings, List<String> warnings) {
    if (failOnWarnings && !warnings.isEmpty()) {
      throw ApiException.badRequest("API keys not imported: " + String.join("; ", warnings));
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
