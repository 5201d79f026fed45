package dev.archway.cloudwatch.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.cloudwatch.AwsServiceException;
import dev.archway.control.Caller;
import dev.archway.model.Json;
import dev.archway.store.Store;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** CreateLogStream, DeleteLogStream, DescribeLogStreams. */
final class LogStreamsOperations {
  private final Store store;
  private final LogStorage storage;
  private final LogGroups groups;
  private final Clock clock;

  LogStreamsOperations(Store store, LogStorage storage, Clock clock) {
    this.store = store;
    this.storage = storage;
    this.groups = new LogGroups(store);
    this.clock = clock;
  }

  JsonNode create(Caller caller, JsonNode input) {
    String group = input.path("logGroupName").asText();
    String name = input.path("logStreamName").asText();
    store.write(docs -> {
      docs.get(LogKinds.GROUP, caller.scope(), group).orElseThrow(LogGroups::groupNotFound);
      String scope = LogKinds.streamScope(caller.scope(), group);
      if (docs.get(LogKinds.STREAM, scope, name).isPresent()) {
        throw new AwsServiceException(400, "ResourceAlreadyExistsException", "The specified log stream already exists");
      }
      docs.put(LogKinds.STREAM, scope, name, new LogStream(name, clock.millis(), newId()));
      return null;
    });
    return null;
  }

  /** A stream id: short, as every stored event repeats it. */
  static String newId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  JsonNode delete(Caller caller, JsonNode input) {
    String group = input.path("logGroupName").asText();
    String name = input.path("logStreamName").asText();
    store.write(docs -> {
      docs.get(LogKinds.GROUP, caller.scope(), group).orElseThrow(LogGroups::groupNotFound);
      if (!docs.delete(LogKinds.STREAM, LogKinds.streamScope(caller.scope(), group), name)) {
        throw LogGroups.streamNotFound();
      }
      return null;
    });
    return null;
  }

  JsonNode describe(Caller caller, JsonNode input) {
    LogGroup group = groups.require(caller, input.path("logGroupName").asText(null), input.path("logGroupIdentifier").asText(null));
    String prefix = input.path("logStreamNamePrefix").asText(null);
    boolean byLastEvent = input.path("orderBy").asText("LogStreamName").equals("LastEventTime");
    if (byLastEvent && prefix != null) {
      throw LogGroups.invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
    }
    boolean descending = input.path("descending").asBoolean(false);
    int limit = input.path("limit").asInt(50);
    int skip = skipOf(input.path("nextToken").asText(null));
    GroupLog log = storage.existing(group.storageId());
    Map<String, StreamStats> stats = log == null ? Map.of() : log.streamStats();
    Comparator<LogStream> order = byLastEvent
        ? Comparator.comparingLong((LogStream s) -> stats.containsKey(s.id()) ? stats.get(s.id()).lastEventTimestamp() : s.creationTime())
            .thenComparing(LogStream::logStreamName)
        : Comparator.comparing(LogStream::logStreamName);
    List<LogStream> streams = store.read(docs -> docs.list(LogKinds.STREAM, LogKinds.streamScope(caller.scope(), group.logGroupName())))
        .stream()
        .filter(s -> prefix == null || s.logStreamName().startsWith(prefix))
        .sorted(descending ? order.reversed() : order)
        .toList();
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("logStreams");
    streams.stream().skip(skip).limit(limit).forEach(s -> list.add(render(caller, group, s, stats.get(s.id()))));
    if (streams.size() > skip + limit) {
      out.put("nextToken", PageToken.after(Integer.toString(skip + limit)));
    }
    return out;
  }

  /** Stream pages are counted by position, as the order may be by last event time. */
  private static int skipOf(String token) {
    String value = PageToken.read(token);
    if (value == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      throw PageToken.invalid();
    }
  }

  private static ObjectNode render(Caller caller, LogGroup group, LogStream stream, StreamStats stats) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("logStreamName", stream.logStreamName());
    node.put("creationTime", stream.creationTime());
    if (stats != null) {
      node.put("firstEventTimestamp", stats.firstEventTimestamp());
      node.put("lastEventTimestamp", stats.lastEventTimestamp());
      node.put("lastIngestionTime", stats.lastIngestionTime());
    }
    node.put("arn", LogGroups.arn(caller, group.logGroupName()) + ":log-stream:" + stream.logStreamName());
    node.put("storedBytes", stats == null ? 0 : stats.storedBytes());
    return node;
  }
}
