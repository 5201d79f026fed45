package dev.archway.cloudwatch.monitoring;

import dev.archway.cloudwatch.metrics.Aggregate;
import dev.archway.cloudwatch.metrics.MetricDataOperations;
import dev.archway.cloudwatch.metrics.MetricQuery;
import dev.archway.store.Store;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every alarm once per minute of the clock, as CloudWatch does: a timer looks every
 * second (on a worker, never overlapping itself) for alarms not yet evaluated in the clock's
 * current minute. A test that moves its clock a minute on sees the alarms evaluated at once.
 */
final class AlarmEvaluator {
  private static final Logger log = LoggerFactory.getLogger(AlarmEvaluator.class);
  private static final Duration HISTORY_KEPT = Duration.ofDays(30);

  private final Vertx vertx;
  private final Store store;
  private final MetricQuery query;
  private final MetricDataOperations metricData;
  private final AlarmStates states;
  private final Clock clock;
  private final Map<String, Long> evaluatedMinute = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean();
  /** The clock minute of the last look, and whether an alarm changed since: with neither, a look reads nothing. */
  private volatile long lookedMinute = Long.MIN_VALUE;
  private volatile boolean changedSince = true;
  private long timer = -1;
  private long prunedDay;

  AlarmEvaluator(Vertx vertx, Store store, MetricQuery query, MetricDataOperations metricData, AlarmStates states, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.query = query;
    this.metricData = metricData;
    this.states = states;
    this.clock = clock;
  }

  void start() {
    timer = vertx.setPeriodic(1_000, id -> {
      if (running.compareAndSet(false, true)) {
        vertx.executeBlocking(() -> {
          evaluateDue();
          return null;
        }, false).onComplete(done -> running.set(false));
      }
    });
  }

  void stop() {
    vertx.cancelTimer(timer);
  }

  /** Forgets when an alarm was evaluated, so a new or changed alarm is evaluated at the next look. */
  void changed(String scope, String name) {
    evaluatedMinute.remove(scope + "\n" + name);
    changedSince = true;
  }

  void evaluateDue() {
    long minute = Math.floorDiv(clock.millis(), 60_000L);
    if (minute == lookedMinute && !changedSince) {
      return;
    }
    lookedMinute = minute;
    changedSince = false;
    List<StoredAlarm> alarms = store.read(docs -> docs.listAll(CloudWatchKinds.ALARM));
    evaluatedMinute.keySet().retainAll(alarms.stream().map(a -> AlarmStates.scopeOf(a.alarm()) + "\n" + a.name()).toList());
    for (StoredAlarm alarm : alarms) {
      String scope = AlarmStates.scopeOf(alarm.alarm());
      String key = scope + "\n" + alarm.name();
      if (evaluatedMinute.getOrDefault(key, Long.MIN_VALUE) == minute) {
        continue;
      }
      evaluatedMinute.put(key, minute);
      try {
        evaluate(scope, alarm);
      } catch (RuntimeException e) {
        log.warn("alarm {} could not be evaluated: {}", alarm.name(), e.toString());
      }
    }
    pruneHistory();
  }

  private void evaluate(String scope, StoredAlarm alarm) {
    AlarmRule rule = AlarmRule.of(alarm.alarm());
    long now = clock.millis();
    long end = Math.floorDiv(now / 1000, rule.period()) * rule.period();
    long start = end - (long) rule.evaluationPeriods() * rule.period();
    List<AlarmEvaluation.Period> periods = new ArrayList<>();
    if (rule.metrics() != null) {
      TreeMap<Long, Double> values = metricData.alarmSeries(scope, rule.metrics(), start, end);
      for (long t = start; t < end; t += rule.period()) {
        periods.add(new AlarmEvaluation.Period(t, values.get(t), 0));
      }
    } else {
      TreeMap<Long, Aggregate> aggregates = query.merged(scope, rule.metric(), start, end, rule.period(), rule.unit());
      for (long t = start; t < end; t += rule.period()) {
        Aggregate aggregate = aggregates.get(t);
        Double value = aggregate == null ? null : value(rule, aggregate);
        periods.add(new AlarmEvaluation.Period(t, value, aggregate == null ? 0 : aggregate.sampleCount()));
      }
    }
    AlarmEvaluation outcome = AlarmEvaluation.of(rule, periods, alarm.state(), now);
    if (outcome != null && !outcome.state().equals(alarm.state())) {
      states.transition(scope, alarm.name(), alarm.state(), outcome.state(), outcome.reason(), outcome.reasonData());
    }
  }

  /** The period's statistic; a percentile over too few samples counts as missing when the alarm says ignore. */
  private static Double value(AlarmRule rule, Aggregate aggregate) {
    double value = rule.statistic().of(aggregate);
    if (Double.isNaN(value)) {
      return null;
    }
    if (rule.ignoreLowSampleCount() && rule.statistic().percentile()) {
      double p = Double.parseDouble(rule.statistic().name().substring(1)) / 100;
      if (p < 1 && aggregate.sampleCount() < 10 / (1 - p)) {
        return null;
      }
    }
    return value;
  }

  /** AWS keeps alarm history for 30 days. */
  private void pruneHistory() {
    long day = Math.floorDiv(clock.millis(), Duration.ofDays(1).toMillis());
    if (day == prunedDay) {
      return;
    }
    prunedDay = day;
    String cutoff = String.format("%015d", clock.millis() - HISTORY_KEPT.toMillis());
    store.write(docs -> docs.deleteIdsBefore(CloudWatchKinds.HISTORY, cutoff));
  }
}
