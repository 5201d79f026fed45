package dev.archway.model;

/**
 * A documentation part of a REST API: content ({@code properties}, a JSON object kept as the string
 * AWS returns) for the API entity its {@code location} names.
 */
public record DocumentationPart(String id, Location location, String properties) {

  /** Which entity a part documents; fields that do not apply to the type are null. */
  public record Location(String type, String path, String method, String statusCode, String name) {}

  public DocumentationPart withProperties(String newProperties) {
    return new DocumentationPart(id, location, newProperties);
  }
}
