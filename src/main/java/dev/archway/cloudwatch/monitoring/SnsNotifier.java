package dev.archway.cloudwatch.monitoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Json;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * Publishes to an SNS topic the way SNS delivers to an HTTP/S subscription: a POST of the
 * notification JSON ({@code Type}, {@code MessageId}, {@code TopicArn}, {@code Subject},
 * {@code Message}, {@code Timestamp}, {@code SignatureVersion}...) with SNS's
 * {@code x-amz-sns-*} headers, to the webhook the config maps the topic to. Up to three attempts
 * (one, then two seconds apart); a 2xx answer is a delivery. Unsigned: {@code Signature} is empty.
 */
final class SnsNotifier {
  private static final int ATTEMPTS = 3;

  private final Vertx vertx;
  private final HttpClient client;
  private final Function<String, URI> webhooks;
  private final Clock clock;

  SnsNotifier(Vertx vertx, Function<String, URI> webhooks, Clock clock) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setIdleTimeout(30));
    this.webhooks = webhooks;
    this.clock = clock;
  }

  /** @return fails with the reason when no webhook is configured or every attempt failed */
  Future<Void> publish(String topicArn, String subject, String message) {
    URI webhook = webhooks.apply(topicArn);
    if (webhook == null) {
      return Future.failedFuture("no webhook URL is configured for this topic (sns.topics in the --config file)");
    }
    String messageId = UUID.randomUUID().toString();
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("Type", "Notification");
    body.put("MessageId", messageId);
    body.put("TopicArn", topicArn);
    body.put("Subject", subject);
    body.put("Message", message);
    body.put("Timestamp", Instant.ofEpochMilli(clock.millis()).toString());
    body.put("SignatureVersion", "1");
    body.put("Signature", "");
    body.put("SigningCertURL", "");
    body.put("UnsubscribeURL", "");
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(webhook.toString())
        .setIdleTimeout(10_000)
        .putHeader("Content-Type", "text/plain; charset=UTF-8")
        .putHeader("x-amz-sns-message-type", "Notification")
        .putHeader("x-amz-sns-message-id", messageId)
        .putHeader("x-amz-sns-topic-arn", topicArn)
        .putHeader("User-Agent", "Amazon Simple Notification Service Agent");
    Promise<Void> done = Promise.promise();
    attempt(request, Buffer.buffer(body.toString()), 1, done);
    return done.future();
  }

  private void attempt(RequestOptions request, Buffer body, int attempt, Promise<Void> done) {
    client.request(request)
        .compose(r -> r.send(body))
        .compose(response -> response.body().compose(ignored -> response.statusCode() / 100 == 2
            ? Future.<Void>succeededFuture() : Future.<Void>failedFuture("HTTP " + response.statusCode())))
        .onSuccess(done::complete)
        .onFailure(error -> {
          if (attempt >= ATTEMPTS) {
            done.fail(error);
          } else {
            vertx.setTimer(1000L * attempt, id -> attempt(request, body, attempt + 1, done));
          }
        });
  }
}
