package dev.archway.cloudwatch.logs;

import dev.archway.cloudwatch.AwsService;
import dev.archway.cloudwatch.AwsServiceException;
import dev.archway.cloudwatch.InputValidator;
import dev.archway.cloudwatch.Operation;
import dev.archway.cloudwatch.ServiceModel;
import dev.archway.control.Caller;
import dev.archway.store.Store;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CloudWatch Logs (awsJson1_1, {@code X-Amz-Target: Logs_20140328.Op}): log groups and streams in
 * the store, events in segment files under {@code <data dir>/logs}, retention and the disk cap
 * enforced every minute on a worker, and the {@link LogSink} for Archway's own logs.
 */
public final class LogsService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LogsService.class);
  public static final ServiceModel MODEL = ServiceModel.load("aws-models/logs/service-2.json");

  private final Vertx vertx;
  private final Store store;
  private final LogStorage storage;
  private final Clock clock;
  private final AwsService service;
  private final LogSink sink;
  private final Map<String, String[]> sinkTargets = new ConcurrentHashMap<>();
  private final long timer;

  private LogsService(Vertx vertx, Store store, LogStorage storage, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.storage = storage;
    this.clock = clock;
    LogGroupsOperations groups = new LogGroupsOperations(store, storage, clock);
    LogStreamsOperations streams = new LogStreamsOperations(store, storage, clock);
    LogEventsOperations events = new LogEventsOperations(store, storage, clock);
    LogTagsOperations tags = new LogTagsOperations(store);
    Map<String, Operation> operations = new HashMap<>();
    operations.put("CreateLogGroup", groups::create);
    operations.put("DeleteLogGroup", forgetting(groups::delete));
    operations.put("DescribeLogGroups", groups::describe);
    operations.put("PutRetentionPolicy", groups::putRetention);
    operations.put("DeleteRetentionPolicy", groups::deleteRetention);
    operations.put("CreateLogStream", streams::create);
    operations.put("DeleteLogStream", forgetting(streams::delete));
    operations.put("DescribeLogStreams", streams::describe);
    operations.put("PutLogEvents", events::put);
    operations.put("GetLogEvents", events::get);
    operations.put("FilterLogEvents", events::filter);
    operations.put("TagResource", tags::tagResource);
    operations.put("UntagResource", tags::untagResource);
    operations.put("ListTagsForResource", tags::listTagsForResource);
    operations.put("TagLogGroup", tags::tagLogGroup);
    operations.put("UntagLogGroup", tags::untagLogGroup);
    operations.put("ListTagsLogGroup", tags::listTagsLogGroup);
    this.service = new AwsService("logs", MODEL, operations,
        violations -> AwsServiceException.badRequest("InvalidParameterException", InputValidator.message(violations)));
    this.sink = new LogSink(100_000, new SinkStreams(groups));
    this.timer = vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), id -> vertx.executeBlocking(() -> {
      enforce();
      return null;
    }, false));
  }

  public static LogsService start(Vertx vertx, Store store, Path dataDir, LogLimits limits, Clock clock) {
    LogStorage storage = LogStorage.open(dataDir.resolve("logs"), limits, clock);
    LogsService service = new LogsService(vertx, store, storage, clock);
    service.enforce();
    return service;
  }

  public AwsService service() {
    return service;
  }

  public LogSink sink() {
    return sink;
  }

  /** Retention, the disk cap, and the files of groups deleted while the server was down. */
  public void enforce() {
    try {
      List<LogGroup> groups = store.read(docs -> docs.listAll(LogKinds.GROUP));
      Set<String> live = groups.stream().map(LogGroup::storageId).collect(Collectors.toSet());
      Map<String, Long> cutoffs = new HashMap<>();
      groups.stream().filter(g -> g.retentionInDays() != null).forEach(g ->
          cutoffs.put(g.storageId(), clock.millis() - Duration.ofDays(g.retentionInDays()).toMillis()));
      storage.enforce(live, cutoffs);
    } catch (RuntimeException e) {
      log.warn("log retention failed: {}", e.toString());
    }
  }

  /** A delete also forgets what the sink knew of groups and streams, so its next line recreates them. */
  private Operation forgetting(Operation delete) {
    return (caller, input) -> {
      var result = delete.handle(caller, input);
      sinkTargets.clear();
      return result;
    };
  }

  private final class SinkStreams implements LogSink.Streams {
    private final LogGroupsOperations groups;

    SinkStreams(LogGroupsOperations groups) {
      this.groups = groups;
    }

    @Override
    public String[] resolve(Caller caller, String group, String stream) {
      return sinkTargets.computeIfAbsent(caller.scope() + "\n" + group + "\n" + stream, key -> {
        LogGroup found = groups.ensure(caller, group);
        LogStream existing = store.write(docs -> docs.get(LogKinds.STREAM, LogKinds.streamScope(caller.scope(), group), stream)
            .orElseGet(() -> {
              LogStream created = new LogStream(stream, clock.millis(), LogStreamsOperations.newId());
              docs.put(LogKinds.STREAM, LogKinds.streamScope(caller.scope(), group), stream, created);
              return created;
            }));
        return new String[] {found.storageId(), existing.id()};
      });
    }

    @Override
    public void append(String storageId, List<GroupLog.Entry> entries) throws java.io.IOException {
      storage.group(storageId).append(entries, clock.millis());
    }
  }

  @Override
  public void close() {
    vertx.cancelTimer(timer);
    sink.close();
  }
}
