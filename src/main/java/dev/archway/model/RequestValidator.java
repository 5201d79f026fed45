package dev.archway.model;

/** A request validator of a REST API: which parts of a request its methods check. */
public record RequestValidator(String id, String name, Boolean validateRequestBody, Boolean validateRequestParameters) {

  public boolean body() {
    return Boolean.TRUE.equals(validateRequestBody);
  }

  public boolean parameters() {
    return Boolean.TRUE.equals(validateRequestParameters);
  }
}
