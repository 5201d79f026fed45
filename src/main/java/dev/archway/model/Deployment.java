package dev.archway.model;

import java.util.Map;

/** A deployment as the wire shows it; the frozen API it serves is a separate {@link DeployedApi}. */
public record Deployment(
    String id, String description, Long createdDate, Map<String, Map<String, MethodSnapshot>> apiSummary) {

  public record MethodSnapshot(String authorizationType, Boolean apiKeyRequired) {}
}
