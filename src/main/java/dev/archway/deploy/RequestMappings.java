package dev.archway.deploy;

import dev.archway.model.Integration;
import dev.archway.runtime.IntegrationRequestMappings;
import dev.archway.runtime.ParameterSource;
import java.util.LinkedHashMap;
import java.util.Map;

/** An integration's {@code requestParameters}, parsed: path, querystring and header targets with their sources. */
record RequestMappings(Map<String, ParameterSource> path, Map<String, ParameterSource> query,
    Map<String, ParameterSource> header) {

  /**
   * @param mapping resolves per-server context values now; null parses plainly. Headers AWS does not
   *     let an integration map are the compiler's concern ({@link UnmappableHeaders}).
   */
  static RequestMappings of(Integration integration, MappingContext mapping) {
    Map<String, ParameterSource> path = new LinkedHashMap<>();
    Map<String, ParameterSource> query = new LinkedHashMap<>();
    Map<String, ParameterSource> header = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : DeploymentCompiler.orEmpty(integration.requestParameters()).entrySet()) {
      String target = entry.getKey();
      ParameterSource source = mapping == null ? ParameterSource.parse(entry.getValue(), ParameterSource.Side.REQUEST)
          : mapping.source(entry.getValue(), ParameterSource.Side.REQUEST);
      if (target.startsWith("integration.request.path.")) {
        path.put(DeploymentCompiler.name(target, "integration.request.path."), source);
      } else if (target.startsWith("integration.request.querystring.")) {
        query.put(DeploymentCompiler.name(target, "integration.request.querystring."), source);
      } else if (target.startsWith("integration.request.header.")) {
        header.put(DeploymentCompiler.name(target, "integration.request.header."), source);
      } else {
        throw new IllegalArgumentException("request parameter: " + target
            + " (expected: integration.request.path|querystring|header.<name>)");
      }
    }
    return new RequestMappings(path, query, header);
  }

  IntegrationRequestMappings compiled() {
    return new IntegrationRequestMappings(path, query, header);
  }
}
