package dev.archway.cloudwatch.monitoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One evaluation of an alarm over its last {@code EvaluationPeriods} complete periods, with AWS's
 * rules: ALARM when at least {@code DatapointsToAlarm} of them breach; missing periods count as
 * breaching or not per {@code TreatMissingData} ({@code breaching}, {@code notBreaching}), or are
 * left out ({@code missing}, {@code ignore}); with none left, INSUFFICIENT_DATA (for
 * {@code missing}) or the current state (for {@code ignore}); else OK. The reason reads as AWS's.
 */
record AlarmEvaluation(String state, String reason, ObjectNode reasonData) {
  static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  /** The value of one period, or null when it has no data. */
  record Period(long start, Double value, double sampleCount) {}

  /** @param periods the evaluated periods, oldest first; @return null when the state stays as it is */
  static AlarmEvaluation of(AlarmRule rule, List<Period> periods, String currentState, long now) {
    List<Period> known = new ArrayList<>();
    int breaching = 0;
    int missing = 0;
    for (Period period : periods) {
      if (period.value() == null) {
        missing++;
        if (rule.treatMissingData().equals("breaching")) {
          breaching++;
        }
        continue;
      }
      known.add(period);
      if (rule.breaches(period.value())) {
        breaching++;
      }
    }
    boolean substituted = rule.treatMissingData().equals("breaching") || rule.treatMissingData().equals("notBreaching");
    String state;
    if (breaching >= rule.datapointsToAlarm()) {
      state = "ALARM";
    } else if (known.isEmpty() && !substituted) {
      if (rule.treatMissingData().equals("ignore")) {
        return null;
      }
      state = "INSUFFICIENT_DATA";
    } else {
      state = "OK";
    }
    String reason = state.equals("INSUFFICIENT_DATA")
        ? "Insufficient Data: " + missing + (missing == 1 ? " datapoint was unknown." : " datapoints were unknown.")
        : thresholdReason(rule, known, breaching, state.equals("ALARM"), currentState);
    return new AlarmEvaluation(state, reason, data(rule, known, now));
  }

  private static String thresholdReason(AlarmRule rule, List<Period> known, int breaching, boolean alarm, String current) {
    StringBuilder values = new StringBuilder("[");
    List<Period> newestFirst = new ArrayList<>(known);
    java.util.Collections.reverse(newestFirst);
    for (Period p : newestFirst) {
      values.append(values.length() > 1 ? ", " : "").append(p.value()).append(" (")
          .append(REASON_TIME.format(Instant.ofEpochSecond(p.start()))).append(')');
    }
    values.append(']');
    int shown = alarm ? breaching : known.size();
    String counted = rule.evaluationPeriods() == 1
        ? shown + " datapoint " + values + " was "
        : shown + " out of the last " + rule.evaluationPeriods() + " datapoints " + values + (shown == 1 ? " was " : " were ");
    String text = "Threshold Crossed: " + counted + rule.wording(alarm) + " the threshold (" + rule.threshold() + ")";
    if (alarm && !"ALARM".equals(current)) {
      text += " (minimum " + rule.datapointsToAlarm() + " datapoint" + (rule.datapointsToAlarm() == 1 ? "" : "s") + " for "
          + current + " -> ALARM transition)";
    }
    return text + ".";
  }

  private static ObjectNode data(AlarmRule rule, List<Period> known, long now) {
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.put("version", "1.0");
    data.put("queryDate", DATA_TIME.format(Instant.ofEpochMilli(now)));
    if (!known.isEmpty()) {
      data.put("startDate", DATA_TIME.format(Instant.ofEpochSecond(known.get(0).start())));
    }
    if (rule.statistic() != null) {
      data.put(rule.statistic().percentile() ? "extendedStatistic" : "statistic", rule.statistic().name());
    }
    data.put("period", rule.period());
    ArrayNode recent = data.putArray("recentDatapoints");
    known.forEach(p -> recent.add(p.value()));
    data.put("threshold", rule.threshold());
    ArrayNode evaluated = data.putArray("evaluatedDatapoints");
    for (int i = known.size() - 1; i >= 0; i--) {
      Period p = known.get(i);
      ObjectNode point = evaluated.addObject();
      point.put("timestamp", DATA_TIME.format(Instant.ofEpochSecond(p.start())));
      if (rule.metrics() == null) {
        point.put("sampleCount", p.sampleCount());
      }
      point.put("value", p.value());
    }
    return data;
  }
}
