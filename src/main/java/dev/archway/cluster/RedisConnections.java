package dev.archway.cluster;

import dev.archway.websocket.Connections;
import dev.archway.websocket.LocalConnections;
import dev.archway.websocket.WebSocketConnection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket connections of every node: each node keeps its own ({@link LocalConnections}) and
 * registers each in Redis under its id with the node that holds it. A message for a connection of
 * another node is published on that node's channel and answered on the sender's, so
 * {@code @connections} through any node reaches a client on any node (410 when no node holds it,
 * or the one that did does not answer within two seconds). While Redis is away, connections of
 * this node are served and the others fail (500); they are registered again when it is back.
 */
final class RedisConnections implements Connections {
  private static final Logger log = LoggerFactory.getLogger(RedisConnections.class);
  /** A connection lives two hours at most (AWS): its registration a little longer. */
  private static final long REGISTERED_MILLIS = 2 * 3_600_000L + 60_000L;
  private static final long ANSWER_MILLIS = 2000;

  private final SharedRedis redis;
  private final String nodeId;
  private final LocalConnections local = new LocalConnections();
  private final Map<String, WebSocketConnection> mine = new ConcurrentHashMap<>();
  private final Map<Long, Promise<JsonObject>> waiting = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private volatile RedisConnection subscriber;
  private volatile boolean closed;

  RedisConnections(SharedRedis redis, String nodeId) {
    this.redis = redis;
    this.nodeId = nodeId;
    subscribe();
  }

  private static String registration(String connectionId) {
    return "archway:ws:connection:" + connectionId;
  }

  private static String channel(String nodeId) {
    return "archway:ws:node:" + nodeId;
  }

  @Override
  public void add(WebSocketConnection connection) {
    local.add(connection);
    mine.put(connection.connectionId(), connection);
    register(connection.connectionId());
  }

  @Override
  public void remove(WebSocketConnection connection) {
    local.remove(connection);
    if (mine.remove(connection.connectionId(), connection)) {
      redis.send(Request.cmd(Command.DEL).arg(registration(connection.connectionId())));
    }
  }

  @Override
  public Future<Boolean> post(Address to, ByteBuf payload, boolean binary) {
    if (mine.containsKey(to.connectionId())) {
      return local.post(to, payload, binary);
    }
    String data;
    try {
      data = Base64.getEncoder().encodeToString(ByteBufUtil.getBytes(payload));
    } finally {
      payload.release();
    }
    return ask(to, new JsonObject().put("op", "post").put("data", data).put("binary", binary))
        .map(answer -> answer != null && answer.getBoolean("ok", false));
  }

  @Override
  public Future<Info> info(Address of) {
    if (mine.containsKey(of.connectionId())) {
      return local.info(of);
    }
    return ask(of, new JsonObject().put("op", "info")).map(answer -> answer == null || !answer.getBoolean("ok", false)
        ? null : new Info(answer.getLong("connectedAt"), answer.getLong("lastActiveAt"), answer.getString("sourceIp"),
            answer.getString("userAgent")));
  }

  @Override
  public Future<Boolean> close(Address which) {
    if (mine.containsKey(which.connectionId())) {
      return local.close(which);
    }
    return ask(which, new JsonObject().put("op", "close")).map(answer -> answer != null && answer.getBoolean("ok", false));
  }

  @Override
  public int size() {
    return local.size();
  }

  /** Asks the node that holds the connection; null when none does (or it does not answer in time). */
  private Future<JsonObject> ask(Address address, JsonObject question) {
    return redis.send(Request.cmd(Command.GET).arg(registration(address.connectionId()))).compose(owner -> {
      if (owner == null) {
        return Future.succeededFuture(null);
      }
      long id = sequence.incrementAndGet();
      Promise<JsonObject> answer = Promise.promise();
      waiting.put(id, answer);
      long timer = redis.vertx().setTimer(ANSWER_MILLIS, t -> {
        Promise<JsonObject> late = waiting.remove(id);
        if (late != null) {
          late.tryComplete(null);
        }
      });
      question.put("api", address.apiId()).put("stage", address.stageName()).put("id", address.connectionId())
          .put("seq", id).put("from", nodeId);
      return redis.send(Request.cmd(Command.PUBLISH).arg(channel(owner.toString())).arg(question.encode()))
          .compose(sent -> answer.future())
          .onComplete(done -> {
            redis.vertx().cancelTimer(timer);
            waiting.remove(id);
          });
    });
  }

  /** A question from another node about one of ours, or the answer to one of ours. */
  private void received(String message) {
    JsonObject m;
    try {
      m = new JsonObject(message);
    } catch (RuntimeException e) {
      log.warn("websocket: unreadable message from another node: {}", e.toString());
      return;
    }
    String op = m.getString("op", "");
    if (op.equals("answer")) {
      Promise<JsonObject> answer = waiting.remove(m.getLong("seq", -1L));
      if (answer != null) {
        answer.tryComplete(m);
      }
      return;
    }
    Address id = new Address(m.getString("api", ""), m.getString("stage", ""), m.getString("id", ""));
    Future<JsonObject> answer = switch (op) {
      case "post" -> local.post(id, Unpooled.wrappedBuffer(Base64.getDecoder().decode(m.getString("data", ""))),
          m.getBoolean("binary", false)).map(ok -> new JsonObject().put("ok", ok));
      case "info" -> local.info(id).map(info -> info == null ? new JsonObject().put("ok", false)
          : new JsonObject().put("ok", true).put("connectedAt", info.connectedAt()).put("lastActiveAt", info.lastActiveAt())
              .put("sourceIp", info.sourceIp()).put("userAgent", info.userAgent()));
      case "close" -> local.close(id).map(ok -> new JsonObject().put("ok", ok));
      default -> Future.succeededFuture(new JsonObject().put("ok", false));
    };
    answer.otherwise(error -> new JsonObject().put("ok", false)).onSuccess(body -> redis.send(Request.cmd(Command.PUBLISH)
        .arg(channel(m.getString("from", ""))).arg(body.put("op", "answer").put("seq", m.getLong("seq", -1L)).encode())));
  }

  private void register(String connectionId) {
    redis.send(Request.cmd(Command.SET).arg(registration(connectionId)).arg(nodeId).arg("PX").arg(REGISTERED_MILLIS));
  }

  /** This node's channel on a connection of its own; subscribed again (and every connection registered again) after an outage. */
  private void subscribe() {
    if (closed) {
      return;
    }
    redis.connect().compose(connection -> {
      connection.handler(this::pushed);
      connection.exceptionHandler(error -> resubscribe(connection));
      connection.endHandler(end -> resubscribe(connection));
      return connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel(nodeId))).map(connection);
    }).onSuccess(connection -> {
      subscriber = connection;
      mine.keySet().forEach(this::register);
    }).onFailure(error -> redis.vertx().setTimer(SharedRedis.PING_MILLIS, t -> subscribe()));
  }

  private void pushed(Response push) {
    if (push != null && push.size() == 3 && "message".equals(String.valueOf(push.get(0)))) {
      received(push.get(2).toString());
    }
  }

  private void resubscribe(RedisConnection connection) {
    if (subscriber == connection || subscriber == null) {
      subscriber = null;
      connection.close();
      redis.vertx().setTimer(SharedRedis.PING_MILLIS, t -> subscribe());
    }
  }

  void close() {
    closed = true;
    RedisConnection connection = subscriber;
    if (connection != null) {
      connection.close();
    }
  }

  @Override
  public String toString() {
    return "RedisConnections(" + local + ", node " + nodeId + ")";
  }
}
