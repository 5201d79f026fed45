package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.PatchOperation;
import dev.archway.model.QuotaSettings;
import dev.archway.model.UsagePlan;
import dev.archway.model.UsagePlanKey;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import dev.archway.traffic.QuotaBalance;
import dev.archway.traffic.QuotaCounters;
import dev.archway.traffic.QuotaWindow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GetUsage (daily {@code [used, remaining]} per key) and UpdateUsage (sets a key's remaining quota). */
final class UsageHandler {
  /** How far back usage can be asked for at once. */
  static final int MAX_DAYS = 90;

  private final Store store;
  private final QuotaCounters counters;
  private final Clock clock;

  UsageHandler(Store store, QuotaCounters counters, Clock clock) {
    this.store = store;
    this.counters = counters;
    this.clock = clock;
  }

  /** AWS's Usage shape: the per-key logs travel under the JSON member "values". */
  record Usage(String usagePlanId, String startDate, String endDate, String position, Map<String, List<List<Long>>> values) {}

  Object get(Call call) {
    LocalDate start = date(call.query("startDate"), "start");
    LocalDate end = date(call.query("endDate"), "end");
    if (end.isBefore(start)) {
      throw ApiException.badRequest("The end date " + end + " is before the start date " + start);
    }
    if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
      throw ApiException.badRequest("Usage from " + start + " to " + end + " spans more than " + MAX_DAYS + " days");
    }
    String keyId = call.query("keyId");
    UsagePlan plan = store.read(docs -> UsagePlanRules.plan(docs, call.caller(), call.label("usageplanId")));
    List<String> keys = store.read(docs -> keyId != null
        ? List.of(UsagePlanKeysHandler.member(docs, plan, keyId).id())
        : docs.list(Kind.USAGE_PLAN_KEY, plan.id()).stream().map(UsagePlanKey::id).toList());
    Paging<String> page = Paging.of(keys, call.query("position"), call.query("limit"));
    return usage(plan, page.item(), start, end, page.position());
  }

  Object update(Call call) {
    UsagePlan plan = store.read(docs -> UsagePlanRules.plan(docs, call.caller(), call.label("usageplanId")));
    String keyId = store.read(docs -> UsagePlanKeysHandler.member(docs, plan, call.label("keyId")).id());
    QuotaSettings quota = plan.quota();
    if (quota == null) {
      throw ApiException.badRequest("Usage plan " + plan.id() + " has no quota to update");
    }
    LocalDate today = LocalDate.now(clock);
    QuotaWindow window = QuotaWindow.of(QuotaWindow.period(quota.period()), today);
    for (PatchOperation op : PatchOperation.listFrom(call.body())) {
      if (!"replace".equals(op.op())) {
        throw ApiException.badRequest("Invalid patch operation specified. Must be one of: [replace]");
      }
      if (!"/remaining".equals(op.path()) && !("/keyId:" + keyId + "/remaining").equals(op.path())) {
        throw ApiException.badRequest("Invalid patch path " + op.path());
      }
      long remaining = remaining(op.value());
      long used = counters.daily(plan.id(), keyId, window.start(), today).values().stream().mapToLong(Long::longValue).sum();
      long others = QuotaBalance.allowance(counters, plan.id(), keyId, quota, window)
          - counters.grant(plan.id(), keyId, window.start());
      counters.setGrant(plan.id(), keyId, window.start(), remaining + used - others);
    }
    return usage(plan, List.of(keyId), window.start(), today, null);
  }

  private Usage usage(UsagePlan plan, List<String> keys, LocalDate start, LocalDate end, String position) {
    LocalDate last = end.isAfter(LocalDate.now(clock)) ? LocalDate.now(clock) : end;
    Map<String, List<List<Long>>> values = new LinkedHashMap<>();
    for (String key : keys) {
      values.put(key, start.isAfter(last) ? List.of()
          : QuotaBalance.daily(counters, plan.id(), key, plan.quota(), start, last).values().stream()
              .map(day -> List.of(day.used(), day.remaining())).toList());
    }
    return new Usage(plan.id(), start.toString(), end.toString(), position, values);
  }

  private static LocalDate date(String value, String which) {
    if (value == null) {
      throw ApiException.badRequest("The " + which + " date is required (expected: yyyy-MM-dd)");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("Invalid " + which + " date: " + abbreviate(value) + " (expected: yyyy-MM-dd)");
    }
  }

  private static long remaining(String value) {
    try {
      long remaining = Long.parseLong(value == null ? "" : value.trim());
      if (remaining >= 0 && remaining <= Integer.MAX_VALUE) {
        return remaining;
      }
    } catch (NumberFormatException e) {
      // one message below
    }
    throw ApiException.badRequest("Invalid remaining quota: " + abbreviate(String.valueOf(value)) + " (expected: a whole number >= 0)");
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
