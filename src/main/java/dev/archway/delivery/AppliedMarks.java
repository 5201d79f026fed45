package dev.archway.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;

/**
 * The mark apply leaves on a stage it deploys, as kubectl keeps the last applied configuration on
 * the objects it applies: the stage tag {@code archway:applied} = {@code <deploymentId> <fingerprint
 * of the definition>}. While the stage still serves that deployment, a file with the same fingerprint
 * needs no deployment, even when the server writes the definition differently (defaults it fills in,
 * descriptions it keeps as documentation); once anything else deploys the stage the mark no longer
 * names its deployment, and apply compares with what the stage serves instead.
 */
final class AppliedMarks {
  static final String TAG = "archway:applied";

  private AppliedMarks() {}

  /** Whether apply deployed the stage's current deployment from a definition with this fingerprint. */
  static boolean marked(JsonNode stage, String fingerprint) {
    String deployment = stage.path("deploymentId").asText("");
    return !deployment.isEmpty() && (deployment + " " + fingerprint).equals(stage.path("tags").path(TAG).asText(null));
  }

  /** Marks a stage as serving {@code deploymentId}, made from a definition with this fingerprint. */
  static void mark(ManagementClient client, boolean v2, String stageArn, String deploymentId, String fingerprint) {
    ObjectNode body = ManagementClient.body();
    body.putObject("tags").put(TAG, deploymentId + " " + fingerprint);
    if (v2) {
      client.call("TagResource", HttpMethod.POST, ManagementClient.path("v2", "tags", stageArn), body);
    } else {
      client.call("TagResource", HttpMethod.PUT, ManagementClient.path("tags", stageArn), body);
    }
  }
}
