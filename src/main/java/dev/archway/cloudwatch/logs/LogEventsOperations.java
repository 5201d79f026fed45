package dev.archway.cloudwatch.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.Caller;
import dev.archway.model.Json;
import dev.archway.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** PutLogEvents, GetLogEvents and FilterLogEvents over the group's segments. */
final class LogEventsOperations {
  private static final int MAX_BATCH_BYTES = 1_048_576;
  private static final long TOO_NEW = Duration.ofHours(2).toMillis();
  private static final long TOO_OLD = Duration.ofDays(14).toMillis();
  private static final long MAX_SPAN = Duration.ofHours(24).toMillis();

  private final Store store;
  private final LogStorage storage;
  private final LogGroups groups;
  private final Clock clock;

  LogEventsOperations(Store store, LogStorage storage, Clock clock) {
    this.store = store;
    this.storage = storage;
    this.groups = new LogGroups(store);
    this.clock = clock;
  }

  JsonNode put(Caller caller, JsonNode input) {
    LogGroup group = groups.find(caller, input.path("logGroupName").asText()).orElseThrow(LogGroups::groupNotFound);
    LogStream stream = groups.requireStream(caller, group, input.path("logStreamName").asText());
    if (input.hasNonNull("entity")) {
      throw LogGroups.invalid("entity: Archway does not keep entities for log events (leave it out)");
    }
    JsonNode events = input.path("logEvents");
    long size = 0;
    long previous = Long.MIN_VALUE;
    for (JsonNode event : events) {
      long bytes = utf8Length(event.path("message").asText()) + 26L;
      if (bytes > MAX_BATCH_BYTES) {
        throw LogGroups.invalid("Log event too large: " + bytes + " bytes exceeds limit of " + MAX_BATCH_BYTES);
      }
      size += bytes;
      long timestamp = event.path("timestamp").asLong();
      if (timestamp < previous) {
        throw LogGroups.invalid("Log events in a single PutLogEvents request must be in chronological order.");
      }
      previous = timestamp;
    }
    if (size > MAX_BATCH_BYTES) {
      throw LogGroups.invalid("Upload too large: " + size + " bytes exceeds limit of " + MAX_BATCH_BYTES);
    }
    long now = clock.millis();
    long retained = group.retentionInDays() == null ? Long.MIN_VALUE : now - Duration.ofDays(group.retentionInDays()).toMillis();
    int tooOldEnd = 0;
    int expiredEnd = 0;
    int tooNewStart = events.size();
    for (int i = 0; i < events.size(); i++) {
      long timestamp = events.get(i).path("timestamp").asLong();
      if (timestamp < now - TOO_OLD) {
        tooOldEnd = i + 1;
      }
      if (timestamp < retained) {
        expiredEnd = i + 1;
      }
      if (timestamp > now + TOO_NEW && tooNewStart == events.size()) {
        tooNewStart = i;
      }
    }
    int first = Math.max(tooOldEnd, expiredEnd);
    if (first < tooNewStart
        && events.get(tooNewStart - 1).path("timestamp").asLong() - events.get(first).path("timestamp").asLong() > MAX_SPAN) {
      throw LogGroups.invalid("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
    }
    List<GroupLog.Entry> entries = new java.util.ArrayList<>();
    for (int i = first; i < tooNewStart; i++) {
      JsonNode event = events.get(i);
      entries.add(new GroupLog.Entry(stream.id(), event.path("timestamp").asLong(), event.path("message").asText()));
    }
    try {
      storage.group(group.storageId()).append(entries, now);
    } catch (IOException e) {
      throw new UncheckedIOException("append to log group " + group.logGroupName(), e);
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("nextSequenceToken", sequenceToken());
    if (tooOldEnd > 0 || expiredEnd > 0 || tooNewStart < events.size()) {
      ObjectNode rejected = out.putObject("rejectedLogEventsInfo");
      if (tooNewStart < events.size()) {
        rejected.put("tooNewLogEventStartIndex", tooNewStart);
      }
      if (tooOldEnd > 0) {
        rejected.put("tooOldLogEventEndIndex", tooOldEnd);
      }
      if (expiredEnd > 0) {
        rejected.put("expiredLogEventEndIndex", expiredEnd);
      }
    }
    return out;
  }

  JsonNode get(Caller caller, JsonNode input) {
    LogGroup group = groups.require(caller, input.path("logGroupName").asText(null), input.path("logGroupIdentifier").asText(null));
    LogStream stream = groups.requireStream(caller, group, input.path("logStreamName").asText());
    long start = Math.max(input.path("startTime").asLong(Long.MIN_VALUE), cutoff(group));
    long end = input.path("endTime").asLong(Long.MAX_VALUE);
    String token = input.path("nextToken").asText(null);
    boolean forward = token != null ? token.startsWith("f/") : input.path("startFromHead").asBoolean(false);
    EventKey from = EventKey.before(start);
    EventKey to = end == Long.MAX_VALUE ? EventKey.after(Long.MAX_VALUE) : EventKey.before(end);
    if (token != null) {
      EventKey at = token.length() > 2 && (token.startsWith("f/") || token.startsWith("b/")) ? EventKey.parse(token.substring(2)) : null;
      if (at == null) {
        throw PageToken.invalid();
      }
      if (forward) {
        from = at.compareTo(from) > 0 ? at : from;
      } else {
        to = at.compareTo(to) < 0 ? at : to;
      }
    }
    EventPage page = new EventPage(from, to, forward, input.path("limit").asInt(10_000));
    scan(group, start, end, Set.of(stream.id()), page, event -> true);
    List<StoredEvent> events = page.events();
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("events");
    for (StoredEvent event : events) {
      list.addObject().put("timestamp", event.timestamp()).put("message", event.message()).put("ingestionTime", event.ingestionTime());
    }
    // At either end AWS hands back the token it was given, which is how clients know to stop.
    EventKey last = events.isEmpty() ? (forward ? from : to) : events.get(events.size() - 1).key();
    EventKey firstKey = events.isEmpty() ? (forward ? from : to) : events.get(0).key();
    out.put("nextForwardToken", token != null && forward && events.isEmpty() ? token : "f/" + last.digits());
    out.put("nextBackwardToken", token != null && !forward && events.isEmpty() ? token : "b/" + firstKey.digits());
    return out;
  }

  JsonNode filter(Caller caller, JsonNode input) {
    LogGroup group = groups.require(caller, input.path("logGroupName").asText(null), input.path("logGroupIdentifier").asText(null));
    FilterPattern pattern;
    try {
      pattern = FilterPattern.parse(input.path("filterPattern").asText(""));
    } catch (IllegalArgumentException e) {
      throw LogGroups.invalid("Invalid filter pattern: " + e.getMessage());
    }
    if (input.has("logStreamNames") && input.has("logStreamNamePrefix")) {
      throw LogGroups.invalid("Cannot specify both logStreamNames and logStreamNamePrefix.");
    }
    Map<String, String> names = streamNames(caller, group, input);
    long start = Math.max(input.path("startTime").asLong(Long.MIN_VALUE), cutoff(group));
    long end = input.path("endTime").asLong(Long.MAX_VALUE);
    EventKey from = EventKey.before(start);
    String token = input.path("nextToken").asText(null);
    if (token != null) {
      EventKey at = EventKey.parse(token);
      if (at == null) {
        throw PageToken.invalid();
      }
      from = at.compareTo(from) > 0 ? at : from;
    }
    EventPage page = new EventPage(from, EventKey.after(end), true, input.path("limit").asInt(10_000));
    scan(group, start, end, names.keySet(), page, event -> pattern.test(event.message()));
    List<StoredEvent> events = page.events();
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("events");
    for (StoredEvent event : events) {
      list.addObject().put("logStreamName", names.get(event.streamId())).put("timestamp", event.timestamp())
          .put("message", event.message()).put("ingestionTime", event.ingestionTime()).put("eventId", event.key().digits());
    }
    if (page.more() && !events.isEmpty()) {
      out.put("nextToken", events.get(events.size() - 1).key().digits());
    }
    return out;
  }

  /** The streams a FilterLogEvents request names (all of the group's when none), id to name. */
  private Map<String, String> streamNames(Caller caller, LogGroup group, JsonNode input) {
    Set<String> wanted = input.has("logStreamNames")
        ? java.util.stream.StreamSupport.stream(input.get("logStreamNames").spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet())
        : null;
    String prefix = input.path("logStreamNamePrefix").asText(null);
    Map<String, String> out = new HashMap<>();
    store.read(docs -> docs.list(LogKinds.STREAM, LogKinds.streamScope(caller.scope(), group.logGroupName()))).stream()
        .filter(s -> wanted == null || wanted.contains(s.logStreamName()))
        .filter(s -> prefix == null || s.logStreamName().startsWith(prefix))
        .forEach(s -> out.put(s.id(), s.logStreamName()));
    return out;
  }

  private void scan(LogGroup group, long start, long end, Set<String> streamIds, EventPage page,
      java.util.function.Predicate<StoredEvent> matches) {
    GroupLog log = storage.existing(group.storageId());
    if (log != null && !streamIds.isEmpty()) {
      log.scan(start, end, streamIds, page, matches);
    }
  }

  /** Events before the group's retention are gone even before the janitor drops their segment. */
  private long cutoff(LogGroup group) {
    return group.retentionInDays() == null ? Long.MIN_VALUE : clock.millis() - Duration.ofDays(group.retentionInDays()).toMillis();
  }

  private static String sequenceToken() {
    StringBuilder token = new StringBuilder(56);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    token.append(1 + random.nextInt(9));
    while (token.length() < 56) {
      token.append(random.nextInt(10));
    }
    return token.toString();
  }

  static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
