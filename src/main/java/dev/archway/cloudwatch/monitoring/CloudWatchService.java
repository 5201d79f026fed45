package dev.archway.cloudwatch.monitoring;

import dev.archway.cloudwatch.AwsService;
import dev.archway.cloudwatch.AwsServiceException;
import dev.archway.cloudwatch.InputValidator;
import dev.archway.cloudwatch.Operation;
import dev.archway.cloudwatch.ServiceModel;
import dev.archway.cloudwatch.metrics.MetricDataOperations;
import dev.archway.cloudwatch.metrics.MetricSink;
import dev.archway.cloudwatch.metrics.MetricStore;
import dev.archway.cloudwatch.metrics.MetricsOperations;
import dev.archway.store.Store;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CloudWatch ({@code monitoring}) on the management listener: metrics (the store, PutMetricData,
 * GetMetricStatistics, GetMetricData, ListMetrics), alarms evaluated every minute with SNS
 * actions delivered to configured webhooks, dashboards and tags. Prunes what AWS would no longer
 * keep once an hour.
 */
public final class CloudWatchService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CloudWatchService.class);
  public static final ServiceModel MODEL = ServiceModel.load("aws-models/cloudwatch/service-2.json");

  private final Vertx vertx;
  private final MetricStore metrics;
  private final MetricSink sink;
  private final AlarmEvaluator evaluator;
  private final AwsService service;
  private final long pruneTimer;

  /** @param webhooks the webhook that stands in for an SNS topic ARN, or null */
  public CloudWatchService(Vertx vertx, Store store, Function<String, URI> webhooks, Clock clock) {
    this.vertx = vertx;
    this.metrics = new MetricStore(store, clock);
    this.sink = new MetricSink(metrics, 100_000);
    MetricsOperations metricOps = new MetricsOperations(metrics);
    MetricDataOperations metricData = new MetricDataOperations(metricOps.query());
    AlarmStates states = new AlarmStates(vertx, store, new SnsNotifier(vertx, webhooks, clock), clock);
    this.evaluator = new AlarmEvaluator(vertx, store, metricOps.query(), metricData, states, clock);
    AlarmsOperations alarms = new AlarmsOperations(store, states, evaluator, clock);
    AlarmHistoryOperations history = new AlarmHistoryOperations(store);
    DashboardsOperations dashboards = new DashboardsOperations(store, clock);
    AlarmTagsOperations tags = new AlarmTagsOperations(store);
    Map<String, Operation> operations = new HashMap<>();
    operations.put("PutMetricData", metricOps::putMetricData);
    operations.put("GetMetricStatistics", metricOps::getMetricStatistics);
    operations.put("ListMetrics", metricOps::listMetrics);
    operations.put("GetMetricData", metricData::getMetricData);
    operations.put("PutMetricAlarm", alarms::put);
    operations.put("DescribeAlarms", alarms::describe);
    operations.put("DescribeAlarmsForMetric", alarms::describeForMetric);
    operations.put("DeleteAlarms", alarms::delete);
    operations.put("SetAlarmState", alarms::setState);
    operations.put("EnableAlarmActions", alarms::enableActions);
    operations.put("DisableAlarmActions", alarms::disableActions);
    operations.put("DescribeAlarmHistory", history::describe);
    operations.put("PutDashboard", dashboards::put);
    operations.put("GetDashboard", dashboards::get);
    operations.put("ListDashboards", dashboards::list);
    operations.put("DeleteDashboards", dashboards::delete);
    operations.put("TagResource", tags::tag);
    operations.put("UntagResource", tags::untag);
    operations.put("ListTagsForResource", tags::list);
    this.service = new AwsService("monitoring", MODEL, operations, violations -> violations.stream().allMatch(v -> v.missing())
        ? AwsServiceException.badRequest("MissingRequiredParameterException",
            "The parameter " + violations.get(0).path() + " is required.")
        : AwsServiceException.badRequest("ValidationException", InputValidator.message(violations)));
    evaluator.start();
    this.pruneTimer = vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> vertx.executeBlocking(() -> {
      try {
        metrics.prune();
      } catch (RuntimeException e) {
        log.warn("metric pruning failed: {}", e.toString());
      }
      return null;
    }, false));
  }

  public AwsService service() {
    return service;
  }

  /** The metric store, which usage analytics read. */
  public MetricStore metrics() {
    return metrics;
  }

  /** Where Archway's own parts record metrics (the gateway metrics feed). */
  public MetricSink sink() {
    return sink;
  }

  @Override
  public void close() {
    evaluator.stop();
    vertx.cancelTimer(pruneTimer);
    sink.close();
  }
}
