package dev.archway.runtime;

/** One method of one resource of a deployment, ready to serve: its steps are fixed. */
public record CompiledRoute(String resourcePath, String httpMethod, Pipeline pipeline, String resourceId) {

  public CompiledRoute(String resourcePath, String httpMethod, Pipeline pipeline) {
    this(resourcePath, httpMethod, pipeline, null);
  }

  @Override
  public String toString() {
    return httpMethod + " " + resourcePath + ": " + pipeline;
  }
}
