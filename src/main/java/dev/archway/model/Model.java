package dev.archway.model;

/** A data model of a REST API (CreateModel): a JSON Schema draft 4 document, kept as the string AWS returns. */
public record Model(String id, String name, String description, String schema, String contentType) {

  public Model withSchemaAndDescription(String newSchema, String newDescription) {
    return new Model(id, name, newDescription, newSchema, contentType);
  }
}
