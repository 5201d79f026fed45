package dev.archway.runtime;

import dev.archway.mapping.MappingLimits;
import dev.archway.mapping.MappingTemplate;
import dev.archway.mapping.Rendered;
import dev.archway.mapping.TemplateInput;
import dev.archway.mapping.TemplateRuntimeException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every mapping template renders: a shared worker pool, never an event loop (AWS-BEHAVIOUR
 * D.1: time caps are enforced by rendering on workers under a deadline). The render's own budgets
 * stop a runaway template from inside; the deadline here answers the request even when a render is
 * stuck where no budget check runs. Results come back on the caller's context.
 */
public final class TemplateRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TemplateRunner.class);
  /** Shared by name: every compiler of one Vert.x instance renders on the same pool. */
  static final String POOL = "archway-templates";

  private static final String DEFAULT_ACCOUNT = "000000000000";
  /** Renders on the calling thread: for unit tests of steps, which run without an event loop. */
  public static final TemplateRunner INLINE = new TemplateRunner(null, null, 0, DEFAULT_ACCOUNT);

  private final Vertx vertx;
  private final WorkerExecutor workers;
  private final long deadlineMillis;
  private final String accountId;

  private TemplateRunner(Vertx vertx, WorkerExecutor workers, long deadlineMillis, String accountId) {
    this.vertx = vertx;
    this.workers = workers;
    this.deadlineMillis = deadlineMillis;
    this.accountId = accountId;
  }

  /** The shared {@value #POOL} pool of {@code vertx}, sized for CPU-bound work. */
  public static TemplateRunner shared(Vertx vertx) {
    return shared(vertx, DEFAULT_ACCOUNT);
  }

  /** @param accountId the API owner's account, for {@code $context.accountId} */
  public static TemplateRunner shared(Vertx vertx, String accountId) {
    int size = Math.max(2, Runtime.getRuntime().availableProcessors());
    long budget = MappingLimits.AWS.timeBudget().toMillis();
    WorkerExecutor workers = vertx.createSharedWorkerExecutor(POOL, size, budget * 4, TimeUnit.MILLISECONDS);
    // Twice the render budget: the budget should fire first; this is the backstop.
    return new TemplateRunner(vertx, workers, budget * 2, accountId);
  }

  /** {@code $context.accountId}: the account Archway serves APIs as. */
  public String accountId() {
    return accountId;
  }

  /**
   * Renders off the event loop.
   *
   * @return the rendered text and overrides, or a {@link GatewayResponse.Failure} (500) when the
   *     template failed, broke a budget or missed the deadline; the reason goes to the log
   */
  public Future<Rendered> render(MappingTemplate template, TemplateInput input, String requestId) {
    return render(template, input, requestId, ExecutionLog.OFF);
  }

  /** The same, saying in {@code log} why a render failed. */
  public Future<Rendered> render(MappingTemplate template, TemplateInput input, String requestId, ExecutionLog log) {
    Rendered constant = template.constantOutput();
    if (constant != null) {
      return Future.succeededFuture(constant);
    }
    if (workers == null) {
      try {
        return Future.succeededFuture(template.render(input));
      } catch (TemplateRuntimeException e) {
        return Future.failedFuture(failure(requestId, e.getMessage(), log));
      }
    }
    Promise<Rendered> result = Promise.promise();
    long timer = vertx.setTimer(deadlineMillis, id ->
        result.tryFail(failure(requestId, "mapping template did not finish within " + deadlineMillis + " ms", log)));
    workers.<Rendered>executeBlocking(() -> template.render(input), false).onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        result.tryComplete(ar.result());
      } else if (ar.cause() instanceof TemplateRuntimeException e) {
        result.tryFail(failure(requestId, e.getMessage(), log));
      } else {
        LOG.error("request {}: mapping template failed unexpectedly", requestId, ar.cause());
        result.tryFail(new GatewayResponse.InternalServerError().failure());
      }
    });
    return result.future();
  }

  private static Throwable failure(String requestId, String reason, ExecutionLog log) {
    LOG.warn("request {}: Execution failed due to configuration error: {}", requestId, reason);
    log.add("Execution failed due to configuration error: Unable to transform: " + reason);
    return new GatewayResponse.InternalServerError().failure();
  }

  @Override
  public String toString() {
    return workers == null ? "TemplateRunner(inline)" : "TemplateRunner(" + POOL + ", deadline " + deadlineMillis + "ms)";
  }
}
