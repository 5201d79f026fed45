package dev.archway.model;

/** A published snapshot of an API's documentation parts, as the wire shows it; {@code createdDate} is epoch seconds. */
public record DocumentationVersion(String version, Long createdDate, String description) {

  public DocumentationVersion withDescription(String newDescription) {
    return new DocumentationVersion(version, createdDate, newDescription);
  }
}
