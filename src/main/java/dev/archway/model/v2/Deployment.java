package dev.archway.model.v2;

/** A deployment as the wire shows it; the frozen API it serves is a separate {@link DeployedHttpApi}. */
public record Deployment(
    Boolean autoDeployed,
    String createdDate,
    String deploymentId,
    String deploymentStatus,
    String deploymentStatusMessage,
    String description) {}
