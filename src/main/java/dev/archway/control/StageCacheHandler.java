package dev.archway.control;

import dev.archway.cache.StageCaches;
import dev.archway.control.wire.ApiException;
import dev.archway.deploy.AuthControl;
import dev.archway.store.Kind;
import dev.archway.store.Store;

/** FlushStageCache and FlushStageAuthorizersCache (REST APIs): empty a stage's caches on the node that answers. */
final class StageCacheHandler {
  private final Store store;
  /** Null when this server compiles no stages (some tests): nothing is cached then. */
  private final StageCaches responses;
  private final AuthControl access;

  StageCacheHandler(Store store, StageCaches responses, AuthControl access) {
    this.store = store;
    this.responses = responses;
    this.access = access;
  }

  /**
   * FlushStageCache: the stage's response cache, for every node that shares it; a stage without one has
   * nothing to flush (202, as on AWS). Answered once it is empty (or, Redis away, once that is logged: the
   * flush is not done), as FlushStageAuthorizersCache is.
   */
  Object flushResponses(Call call) {
    String apiId = call.label("restapi_id");
    String stage = existingStage(call, apiId);
    return responses == null ? null : responses.flush(apiId, stage).otherwiseEmpty();
  }

  /**
   * FlushStageAuthorizersCache: the stage's cached Lambda authorizer results, for every node that shares them;
   * answered once they are gone (or, Redis away, once that is logged: the flush is not done).
   */
  Object flushAuthorizers(Call call) {
    String apiId = call.label("restapi_id");
    return access.cache().flush(apiId, existingStage(call, apiId)).otherwiseEmpty();
  }

  private String existingStage(Call call, String apiId) {
    String stage = call.label("stage_name");
    store.read(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      return docs.get(Kind.STAGE, apiId, stage).orElseThrow(() -> ApiException.notFound(StagesHandler.NO_SUCH_STAGE));
    });
    return stage;
  }
}
