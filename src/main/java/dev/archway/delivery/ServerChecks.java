package dev.archway.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.openapi.rest.RestDefinitionReader;
import dev.archway.control.v2.HttpApiOpenApiReader;
import dev.archway.control.wire.ApiException;
import dev.archway.delivery.Declaration.HttpStage;
import dev.archway.delivery.Declaration.Type;
import dev.archway.model.v2.Stage.RouteSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the server would refuse in a file, found before apply writes anything, so that a bad file
 * among good ones changes nothing: the definition, read by the server's own import readers (storing
 * nothing), and the route settings of HTTP API stages. What only the server can check (an
 * integration's URI, say) it refuses in the import, which is one transaction and apply's first write
 * of that API.
 */
final class ServerChecks {
  private ServerChecks() {}

  /** @return the route keys of an HTTP API definition (none for a REST API) */
  static Set<String> definition(Path path, ObjectNode definition, Type type) {
    try {
      if (type == Type.REST) {
        RestDefinitionReader.read(definition.toString().getBytes(StandardCharsets.UTF_8), null, true);
        return Set.of();
      }
      return HttpApiOpenApiReader.routeKeys(definition.toString());
    } catch (ApiException e) {
      throw new UsageMistake(path + ": " + e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
    }
  }

  /** UpdateStage's refusals: a route the definition does not have, execution logs (HTTP APIs have none). */
  static void routeSettings(Path path, String where, HttpStage stage, Set<String> routes) {
    Map<String, RouteSettings> settings = new LinkedHashMap<>();
    settings.put(where + ".defaultRouteSettings", stage.defaultRouteSettings());
    (stage.routeSettings() == null ? Map.<String, RouteSettings>of() : stage.routeSettings()).forEach((route, value) -> {
      if (!routes.contains(route)) {
        throw new UsageMistake(path + ": " + where + ".routeSettings: " + route + " (expected: a route of the definition: "
            + String.join(", ", new TreeSet<>(routes)) + ")");
      }
      settings.put(where + ".routeSettings." + route, value);
    });
    settings.forEach((at, value) -> {
      if (value != null && (Boolean.TRUE.equals(value.dataTraceEnabled())
          || value.loggingLevel() != null && !value.loggingLevel().equals("OFF"))) {
        throw new UsageMistake(path + ": " + at + ": execution logs (expected: no dataTraceEnabled or loggingLevel: HTTP APIs"
            + " have none)");
      }
    });
  }
}
