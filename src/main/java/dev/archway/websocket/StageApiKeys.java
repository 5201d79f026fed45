package dev.archway.websocket;

import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.PlanKey;

/**
 * The API keys a WebSocket stage accepts: the enabled keys of the usage plans that name the stage,
 * read from the live access rules on every use (a key added to a plan, disabled or removed counts
 * at once, as on AWS, without a redeployment).
 *
 * @param stageKey {@code AccessRules.stageKey(apiId, stageName)}
 */
public record StageApiKeys(LiveAccess access, String stageKey) {

  /** The key with its plan's limits, or null when the stage does not accept it (or none was presented). */
  PlanKey find(WebSocketConnection.ApiKey presented) {
    return presented == null ? null : access.current().key(stageKey, presented.digest());
  }
}
