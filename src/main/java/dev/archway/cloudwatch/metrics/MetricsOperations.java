package dev.archway.cloudwatch.metrics;

import static dev.archway.cloudwatch.CloudWatchErrors.combination;
import static dev.archway.cloudwatch.CloudWatchErrors.invalidValue;
import static dev.archway.cloudwatch.CloudWatchErrors.missing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.cloudwatch.CloudWatchErrors;
import dev.archway.cloudwatch.PageOffset;
import dev.archway.control.Caller;
import dev.archway.model.Json;
import dev.archway.store.MetricRows;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PutMetricData, GetMetricStatistics and ListMetrics. */
public final class MetricsOperations {
  private static final Logger log = LoggerFactory.getLogger(MetricsOperations.class);
  private static final long TWO_WEEKS = Duration.ofDays(14).toMillis();
  private static final long TWO_HOURS = Duration.ofHours(2).toMillis();
  private static final int MAX_DATAPOINTS = 1440;

  private final MetricStore store;
  private final MetricQuery query;
  private final Set<String> warnedHighResolution = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public MetricsOperations(MetricStore store) {
    this.store = store;
    this.query = new MetricQuery(store);
  }

  public JsonNode putMetricData(Caller caller, JsonNode input) {
    String namespace = input.path("Namespace").asText();
    if (namespace.startsWith("AWS/")) {
      throw invalidValue("The value " + namespace + " for parameter Namespace is invalid.");
    }
    if (input.has("EntityMetricData")) {
      throw invalidValue("EntityMetricData is not supported by Archway (leave it out).");
    }
    JsonNode data = input.path("MetricData");
    if (data.isEmpty()) {
      throw missing("The parameter MetricData is required.");
    }
    if (data.size() > 1000) {
      throw invalidValue("The collection MetricData must not have a size greater than 1000.");
    }
    long now = store.clock().millis();
    record Sample(MetricId metric, String unit, long at, JsonNode datum) {}
    List<Sample> samples = new java.util.ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      JsonNode datum = data.get(i);
      String at = "MetricData.member." + (i + 1);
      check(datum, at);
      long timestamp = CloudWatchErrors.millis(datum.get("Timestamp"), now);
      if (timestamp < now - TWO_WEEKS) {
        throw invalidValue("The parameter " + at + ".Timestamp must specify a time no more than two weeks in the past.");
      }
      if (timestamp > now + TWO_HOURS) {
        throw invalidValue("The parameter " + at + ".Timestamp must specify a time no more than two hours in the future.");
      }
      List<Dimension> dimensions = MetricId.dimensions(datum.path("Dimensions"));
      if (dimensions.stream().map(Dimension::name).distinct().count() < dimensions.size()) {
        throw invalidValue("The parameter " + at + ".Dimensions must not name a dimension twice.");
      }
      samples.add(new Sample(new MetricId(namespace, datum.path("MetricName").asText(), dimensions),
          datum.path("Unit").asText("None"), timestamp, datum));
    }
    for (Sample sample : samples) {
      store.add(caller.scope(), sample.metric(), sample.unit(), sample.at(), aggregate -> apply(sample.datum(), aggregate));
    }
    store.flush();
    return null;
  }

  private void check(JsonNode datum, String at) {
    boolean value = datum.has("Value");
    boolean set = datum.has("StatisticValues");
    boolean values = datum.has("Values");
    if (value && set || value && values || set && values) {
      throw combination("The parameters " + at + ".Value, " + at + ".StatisticValues and " + at
          + ".Values are mutually exclusive and you have specified more than one.");
    }
    if (!value && !set && !values) {
      throw missing("The parameter " + at + ".Value is required.");
    }
    finite(datum.path("Value"), at + ".Value");
    datum.path("StatisticValues").forEach(v -> finite(v, at + ".StatisticValues"));
    datum.path("Values").forEach(v -> finite(v, at + ".Values"));
    datum.path("Counts").forEach(v -> finite(v, at + ".Counts"));
    if (datum.path("Values").size() > 150) {
      throw invalidValue("The collection " + at + ".Values must not have a size greater than 150.");
    }
    if (datum.has("Counts") && datum.path("Counts").size() != datum.path("Values").size()) {
      throw invalidValue("The parameters " + at + ".Values and " + at + ".Counts must be of the same size.");
    }
    if (set && datum.path("StatisticValues").path("SampleCount").asDouble() <= 0) {
      throw invalidValue("The parameter " + at + ".StatisticValues.SampleCount must be greater than 0.");
    }
    int resolution = datum.path("StorageResolution").asInt(60);
    if (resolution != 1 && resolution != 60) {
      throw invalidValue("The value " + resolution + " for parameter " + at + ".StorageResolution is invalid.");
    }
    if (resolution == 1 && warnedHighResolution.add(datum.path("MetricName").asText())) {
      log.warn("metric {} is high-resolution (StorageResolution 1): Archway keeps it at one-minute resolution",
          datum.path("MetricName").asText());
    }
  }

  private static void finite(JsonNode value, String at) {
    if (!value.isMissingNode() && (!value.isNumber() || !Double.isFinite(value.asDouble()))) {
      throw invalidValue("The value " + value.asText() + " for parameter " + at + " is invalid.");
    }
  }

  private static void apply(JsonNode datum, Aggregate aggregate) {
    if (datum.has("Value")) {
      aggregate.add(datum.get("Value").asDouble(), 1);
    } else if (datum.has("StatisticValues")) {
      JsonNode set = datum.get("StatisticValues");
      aggregate.addSet(set.path("SampleCount").asDouble(), set.path("Sum").asDouble(), set.path("Minimum").asDouble(),
          set.path("Maximum").asDouble());
    } else {
      JsonNode values = datum.get("Values");
      JsonNode counts = datum.path("Counts");
      for (int i = 0; i < values.size(); i++) {
        aggregate.add(values.get(i).asDouble(), counts.has(i) ? counts.get(i).asDouble() : 1);
      }
    }
  }

  public JsonNode getMetricStatistics(Caller caller, JsonNode input) {
    boolean standard = input.path("Statistics").size() > 0;
    boolean extended = input.path("ExtendedStatistics").size() > 0;
    if (!standard && !extended) {
      throw missing("Must specify either Statistics or ExtendedStatistics.");
    }
    if (standard && extended) {
      throw combination("The parameters Statistics and ExtendedStatistics are mutually exclusive and you have specified both.");
    }
    if (input.path("ExtendedStatistics").size() > 10) {
      throw invalidValue("The collection ExtendedStatistics must not have a size greater than 10.");
    }
    List<Statistic> statistics = new java.util.ArrayList<>();
    for (JsonNode name : standard ? input.get("Statistics") : input.get("ExtendedStatistics")) {
      Statistic statistic = Statistic.parse(name.asText());
      if (statistic == null || extended != statistic.percentile()) {
        throw invalidValue("The value " + name.asText() + " for parameter " + (extended ? "ExtendedStatistics" : "Statistics")
            + " is not supported (Archway computes SampleCount, Average, Sum, Minimum, Maximum and percentiles pNN).");
      }
      statistics.add(statistic);
    }
    long start = CloudWatchErrors.millis(input.get("StartTime"), 0) / 1000;
    long end = CloudWatchErrors.millis(input.get("EndTime"), 0) / 1000;
    int period = period(input.path("Period").asInt(), "Period");
    if (start >= end) {
      throw invalidValue("The parameter StartTime must be less than the parameter EndTime.");
    }
    long requested = (end - start + period - 1) / period;
    if (requested > MAX_DATAPOINTS) {
      throw combination("You have requested up to " + requested + " datapoints, which exceeds the limit of " + MAX_DATAPOINTS
          + ". You may reduce the datapoints requested by increasing Period, or decreasing the time range.");
    }
    MetricId metric = new MetricId(input.path("Namespace").asText(), input.path("MetricName").asText(),
        MetricId.dimensions(input.path("Dimensions")));
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("Label", metric.metricName());
    ArrayNode points = out.putArray("Datapoints");
    query.periods(caller.scope(), metric, start, end, period, input.path("Unit").asText(null)).forEach((bucket, byUnit) ->
        byUnit.forEach((unit, aggregate) -> {
          ObjectNode point = points.addObject();
          point.set("Timestamp", CloudWatchErrors.timestamp(bucket * 1000));
          ObjectNode percentiles = Json.MAPPER.createObjectNode();
          for (Statistic statistic : statistics) {
            double value = statistic.of(aggregate);
            if (Double.isNaN(value)) {
              continue;
            }
            if (statistic.percentile()) {
              percentiles.put(statistic.name(), value);
            } else {
              point.put(statistic.name(), value);
            }
          }
          point.put("Unit", unit);
          if (!percentiles.isEmpty()) {
            point.set("ExtendedStatistics", percentiles);
          }
        }));
    return out;
  }

  /** AWS's periods: 1, 5, 10, 30 or a multiple of 60 seconds; Archway keeps no data finer than a minute. */
  static int period(int period, String member) {
    if (period < 60 || period % 60 != 0) {
      throw invalidValue("The parameter " + member + " must be a multiple of 60 (Archway keeps one-minute resolution; "
          + period + " was given).");
    }
    return period;
  }

  public JsonNode listMetrics(Caller caller, JsonNode input) {
    if (input.path("IncludeLinkedAccounts").asBoolean(false)) {
      throw invalidValue("IncludeLinkedAccounts is not supported by Archway (no cross-account observability).");
    }
    String owner = input.path("OwningAccount").asText(caller.accountId());
    long since = store.clock().millis() - ("PT3H".equals(input.path("RecentlyActive").asText(null))
        ? Duration.ofHours(3).toMillis() : TWO_WEEKS);
    List<MetricRows.Series> series = owner.equals(caller.accountId())
        ? store.series(caller.scope(), input.path("Namespace").asText(null), input.path("MetricName").asText(null), since)
        : List.of();
    JsonNode filters = input.path("Dimensions");
    List<MetricId> matching = series.stream()
        .map(s -> new MetricId(s.namespace(), s.metricName(), MetricId.parseKey(s.dimensions())))
        .filter(m -> matches(m, filters))
        .toList();
    int from = PageOffset.read(input.path("NextToken").asText(null));
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode metrics = out.putArray("Metrics");
    matching.stream().skip(from).limit(500).forEach(m -> metrics.add(m.toWire()));
    if (matching.size() > from + 500) {
      out.put("NextToken", Integer.toString(from + 500));
    }
    return out;
  }

  private static boolean matches(MetricId metric, JsonNode filters) {
    for (JsonNode filter : filters) {
      String value = metric.dimensionValue(filter.path("Name").asText());
      if (value == null || filter.has("Value") && !filter.get("Value").asText().equals(value)) {
        return false;
      }
    }
    return true;
  }


  public MetricQuery query() {
    return query;
  }
}
