package dev.archway.cluster;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script Redis runs atomically: sent by its SHA-1 ({@code EVALSHA}), and in full once more
 * when Redis does not know it ({@code NOSCRIPT}: it restarted), so one round trip in the common case.
 */
final class LuaScript {
  private final String source;
  private final String sha1;

  LuaScript(String source) {
    this.source = source;
    try {
      this.sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the script on one key with these arguments (a {@code Buffer} goes as its bytes, others as text). */
  Future<Response> run(SharedRedis redis, String key, Object... args) {
    return redis.send(request(Command.EVALSHA, sha1, key, args)).recover(error -> {
      if (String.valueOf(error.getMessage()).startsWith("NOSCRIPT")) {
        return redis.send(request(Command.EVAL, source, key, args));
      }
      return Future.failedFuture(error);
    });
  }

  private static Request request(Command command, String script, String key, Object... args) {
    Request request = Request.cmd(command).arg(script).arg(1).arg(key);
    for (Object arg : args) {
      if (arg instanceof io.vertx.core.buffer.Buffer bytes) {
        request.arg(bytes); // binary-safe
      } else {
        request.arg(String.valueOf(arg));
      }
    }
    return request;
  }
}
