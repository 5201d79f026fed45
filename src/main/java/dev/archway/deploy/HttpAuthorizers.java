package dev.archway.deploy;

import dev.archway.model.v2.DeployedHttpApi;
import dev.archway.model.v2.Route;
import dev.archway.runtime.ConfigurationErrorStep;
import dev.archway.runtime.Step;

/** Compiles the authorizer step of an HTTP API route (JWT or Lambda REQUEST), or none. */
public final class HttpAuthorizers {

  /** @return the route's authorizer step, or null when the route needs none */
  Step compile(Route route, DeployedHttpApi deployment) {
    String type = route.authorizationType();
    if (type == null || type.equals("NONE")) {
      return null;
    }
    return new ConfigurationErrorStep("authorizationType " + type + " is not served yet");
  }
}
