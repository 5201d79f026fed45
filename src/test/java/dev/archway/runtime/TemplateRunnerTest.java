package dev.archway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.mapping.MappingTemplate;
import dev.archway.mapping.Rendered;
import dev.archway.mapping.TemplateInput;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Templates render on the shared worker pool and answer on the caller's event loop; failures are 500s. */
class TemplateRunnerTest {
  static Vertx vertx;
  static TemplateRunner runner;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    runner = TemplateRunner.shared(vertx, "123456789012");
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void rendersOffTheEventLoopAndCompletesOnTheCallersContext() throws Exception {
    CompletableFuture<String> thread = new CompletableFuture<>();
    CompletableFuture<String> output = new CompletableFuture<>();
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> runner.render(MappingTemplate.compile("#foreach($i in [1..3])$i#end"), TemplateInput.ofBody(""), "r1")
        .onComplete(ar -> {
          thread.complete(Thread.currentThread().getName() + (Context.isOnEventLoopThread() ? " (event loop)" : ""));
          output.complete(ar.succeeded() ? ar.result().output() : ar.cause().toString());
        }));
    assertThat(output.get(10, TimeUnit.SECONDS)).isEqualTo("123");
    assertThat(thread.get(10, TimeUnit.SECONDS)).endsWith("(event loop)");
  }

  @Test
  void aBudgetBreakIsAnInternalServerError() throws Exception {
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    vertx.runOnContext(v -> runner.render(MappingTemplate.compile("#foreach($i in [1..1001])#end"), TemplateInput.ofBody(""), "r2")
        .onComplete(ar -> failure.complete(ar.cause())));
    assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(GatewayResponse.Failure.class,
        f -> assertThat(f.response()).isEqualTo(new GatewayResponse.InternalServerError()));
  }

  @Test
  void responseConversionFollowsAwsTable() {
    Buffer text = Buffer.buffer("aGk=");
    Buffer bytes = Buffer.buffer("hi");
    // binaryMediaTypes set, no contentHandling: convert towards what the first Accept entry asks for
    assertThat(ContentHandling.PASSTHROUGH.convertResponse(text, false, true, true).toString()).isEqualTo("hi");
    assertThat(ContentHandling.PASSTHROUGH.convertResponse(bytes, true, false, true).toString()).isEqualTo("aGk=");
    assertThat(ContentHandling.PASSTHROUGH.convertResponse(bytes, true, true, true).toString()).isEqualTo("hi");
    // binaryMediaTypes unset: only explicit conversions
    assertThat(ContentHandling.PASSTHROUGH.convertResponse(text, false, false, false).toString()).isEqualTo("aGk=");
    assertThat(ContentHandling.CONVERT_TO_BINARY.convertResponse(text, false, false, false).toString()).isEqualTo("hi");
    assertThat(ContentHandling.CONVERT_TO_TEXT.convertResponse(bytes, true, true, true).toString()).isEqualTo("aGk=");
    assertThat(ContentHandling.CONVERT_TO_TEXT.convertResponse(text, false, true, true).toString()).isEqualTo("aGk=");
  }

  @Test
  void inlineRunnerIsForUnitTestsOnly() {
    Future<Rendered> rendered = TemplateRunner.INLINE.render(MappingTemplate.compile("x"), TemplateInput.ofBody(""), "r3");
    assertThat(rendered.result().output()).isEqualTo("x");
  }
}
