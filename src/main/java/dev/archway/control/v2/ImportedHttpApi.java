package dev.archway.control.v2;

import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.HttpApi.Cors;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Route;
import java.util.List;
import java.util.Map;

/**
 * What an OpenAPI definition says about an HTTP API, before it is checked against the rules and
 * stored. Ids are the definition's own keys: an authorizer's id is its security scheme's name, an
 * integration's a key of this import; routes name them ({@code integrations/<key>}, the scheme name)
 * until the import gives them real ids.
 */
record ImportedHttpApi(
    String name,
    String description,
    String version,
    Cors cors,
    Boolean disableExecuteApiEndpoint,
    Map<String, String> tags,
    List<Part<Authorizer>> authorizers,
    List<Part<Integration>> integrations,
    List<Part<Route>> routes,
    List<String> warnings,
    List<String> importInfo) {

  /** A resource of the import and where the definition says it, for error messages. */
  record Part<T>(String where, T value) {}
}
