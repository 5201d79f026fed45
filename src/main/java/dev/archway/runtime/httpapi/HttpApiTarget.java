package dev.archway.runtime.httpapi;

import dev.archway.runtime.InvokeTarget;

/**
 * Which HTTP API stage an invoke URL reaches, and the path after the stage. Host style: the first
 * path segment selects a stage when the API has one of that name, else the {@code $default} stage
 * serves the whole path, as AWS picks stages. Path style names the stage, {@code $default} (or
 * {@code %24default}) included.
 *
 * @param stage the stage, or null when none matches (the client gets 404 Not Found)
 * @param path the raw path after the stage: "" or starting with "/"
 */
public record HttpApiTarget(HttpApiStage stage, String path) {

  /** @param target the URL, read once by the front door; {@code stages} are its API's */
  public static HttpApiTarget resolve(InvokeTarget target, HttpApiStages stages) {
    if (target.wholePath() != null) {
      String first = target.stageName();
      HttpApiStage named = first.equals(HttpApiStages.DEFAULT_STAGE) ? null : stages.named(first);
      return named != null ? new HttpApiTarget(named, target.path()) : new HttpApiTarget(stages.defaultStage(), target.wholePath());
    }
    if (target.stageName() == null) {
      return new HttpApiTarget(null, target.path());
    }
    // Clients that escape '$' still mean the $default stage.
    String stage = target.stageName().equals("%24default") ? HttpApiStages.DEFAULT_STAGE : target.stageName();
    return new HttpApiTarget(stages.named(stage), target.path());
  }
}
