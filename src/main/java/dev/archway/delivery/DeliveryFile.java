package dev.archway.delivery;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.openapi.DefinitionText;
import dev.archway.control.wire.ApiException;
import dev.archway.delivery.Declaration.ApiKey;
import dev.archway.delivery.Declaration.ApiStage;
import dev.archway.delivery.Declaration.HttpStage;
import dev.archway.delivery.Declaration.RestStage;
import dev.archway.delivery.Declaration.Type;
import dev.archway.delivery.Declaration.UsagePlan;
import dev.archway.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One file given to {@code apply}: an OpenAPI definition (JSON or YAML, read as the server reads an
 * import: bounded, no duplicate keys, no YAML aliases) and its {@code x-archway} member, checked
 * whole before anything is written. {@code definition} is the document without {@code x-archway}.
 */
public record DeliveryFile(Path path, ObjectNode definition, Declaration declaration) {
  static final String EXTENSION = "x-archway";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /** The members of {@code x-archway} before the stages are read as their API type's. */
  private record Members(String type, String id, Map<String, JsonNode> stages, Map<String, UsagePlan> usagePlans) {}

  /** @throws UsageMistake naming the file, the member and what was expected */
  public static DeliveryFile read(Path path, Map<String, String> env) {
    ObjectNode definition = definition(path);
    JsonNode extension = definition.remove(EXTENSION);
    Reader reader = new Reader(path);
    if (extension == null || !extension.isObject()) {
      throw reader.mistake(EXTENSION, (extension == null ? "missing" : extension.toString())
          + " (expected: an object with type REST or HTTP, as `archway export` writes it)");
    }
    Members members = reader.as(extension, Members.class, EXTENSION);
    Type type = type(reader, members.type());
    if (members.id() != null && !ID.matcher(members.id()).matches()) {
      throw reader.mistake(EXTENSION + ".id", members.id() + " (expected: 1-64 letters, digits, - or _)");
    }
    if (definition.path("info").path("title").asText("").isBlank()) {
      throw reader.mistake("info.title", "missing (expected: the API's name)");
    }
    Map<String, RestStage> restStages = new LinkedHashMap<>();
    Map<String, HttpStage> httpStages = new LinkedHashMap<>();
    Map<String, JsonNode> stages = members.stages() == null ? Map.of() : members.stages();
    stages.forEach((name, node) -> {
      String where = EXTENSION + ".stages." + name;
      JsonNode stage = node == null || node.isNull() || node.isTextual() && node.asText().isEmpty()
          ? Json.MAPPER.createObjectNode() : node;
      if (type == Type.REST) {
        restStages.put(name, reader.as(stage, RestStage.class, where));
        return;
      }
      HttpStage http = reader.as(stage, HttpStage.class, where);
      if (http.autoDeploys() && http.deploymentDescription() != null) {
        throw reader.mistake(where + ".deploymentDescription", "an autoDeploy stage is deployed by the server, which describes"
            + " its deployments itself (expected: no deploymentDescription, or autoDeploy: false)");
      }
      httpStages.put(name, http);
    });
    Map<String, UsagePlan> plans = new LinkedHashMap<>();
    Map<String, UsagePlan> declaredPlans = members.usagePlans() == null ? Map.of() : members.usagePlans();
    if (type == Type.HTTP && !declaredPlans.isEmpty()) {
      throw reader.mistake(EXTENSION + ".usagePlans", "HTTP APIs have no usage plans (expected: none; on AWS, usage"
          + " plans and API keys are REST API features)");
    }
    declaredPlans.forEach((name, plan) -> plans.put(name, plan(reader, env, name, plan, stages.keySet())));
    Set<String> routes = ServerChecks.definition(path, definition, type);
    httpStages.forEach((name, stage) -> ServerChecks.routeSettings(path, EXTENSION + ".stages." + name, stage, routes));
    return new DeliveryFile(path, definition, new Declaration(type, members.id(), restStages, httpStages, plans));
  }

  /** The API's name: the definition's title. */
  public String title() {
    return definition.path("info").path("title").asText();
  }

  private static ObjectNode definition(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UsageMistake(path + ": cannot be read (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
          + e.getMessage()) + ")");
    }
    try {
      return (ObjectNode) DefinitionText.read(bytes);
    } catch (ApiException e) {
      throw new UsageMistake(path + ": " + e.getMessage());
    }
  }

  private static Type type(Reader reader, String type) {
    try {
      return Type.valueOf(type == null ? "" : type.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw reader.mistake(EXTENSION + ".type", (type == null ? "missing" : type) + " (expected: REST or HTTP)");
    }
  }

  private static UsagePlan plan(Reader reader, Map<String, String> env, String name, UsagePlan plan, Set<String> stages) {
    String where = EXTENSION + ".usagePlans." + name;
    if (plan == null) {
      return new UsagePlan(null, null, null, List.of(), Map.of());
    }
    Set<String> seen = new HashSet<>();
    for (ApiStage apiStage : plan.apiStages() == null ? List.<ApiStage>of() : plan.apiStages()) {
      if (apiStage == null || apiStage.stage() == null || !stages.contains(apiStage.stage())) {
        throw reader.mistake(where + ".apiStages", (apiStage == null ? null : apiStage.stage())
            + " (expected: a stage of x-archway.stages: " + String.join(", ", stages) + ")");
      }
      if (!seen.add(apiStage.stage())) {
        throw reader.mistake(where + ".apiStages", apiStage.stage() + " is named twice (expected: each stage once)");
      }
    }
    Map<String, ApiKey> keys = new LinkedHashMap<>();
    (plan.apiKeys() == null ? Map.<String, ApiKey>of() : plan.apiKeys()).forEach((keyName, key) -> {
      ApiKey declared = key == null ? new ApiKey(null, null, null) : key;
      keys.put(keyName, new ApiKey(declared.description(), declared.enabled(),
          value(reader, env, where + ".apiKeys." + keyName + ".value", declared.value())));
    });
    return new UsagePlan(plan.description(), plan.throttle(), plan.quota(),
        plan.apiStages() == null ? List.of() : plan.apiStages(), keys);
  }

  /** {@code ${NAME}} is the environment variable's value: the file need not hold the secret. */
  private static String value(Reader reader, Map<String, String> env, String where, String value) {
    if (value == null) {
      return null;
    }
    Matcher variable = VARIABLE.matcher(value);
    if (!variable.matches()) {
      return value;
    }
    String resolved = env.get(variable.group(1));
    if (resolved == null || resolved.isEmpty()) {
      throw reader.mistake(where, value + ": the environment variable " + variable.group(1) + " is not set");
    }
    return resolved;
  }

  /** Reads members strictly (an unknown one is a mistake) and says where a value is wrong. */
  private record Reader(Path path) {
    <T> T as(JsonNode node, Class<T> type, String where) {
      try {
        // YAML's empty value ("dev:") reads as "": an object with nothing in it
        return Json.MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT).readValue(node);
      } catch (UnrecognizedPropertyException e) {
        throw mistake(where + at(e), "unknown member (expected: " + e.getKnownPropertyIds().stream().map(String::valueOf)
            .sorted().collect(Collectors.joining(", ")) + ")");
      } catch (MismatchedInputException e) {
        String expected = e.getTargetType() == null ? "another kind of value" : e.getTargetType().getSimpleName();
        throw mistake(where + at(e), "expected " + (Map.class.isAssignableFrom(e.getTargetType() == null ? Object.class
            : e.getTargetType()) ? "an object" : expected));
      } catch (IOException e) {
        throw mistake(where, e.getMessage());
      }
    }

    UsageMistake mistake(String member, String what) {
      return new UsageMistake(path + ": " + member + ": " + what);
    }

    private static String at(JsonMappingException e) {
      StringBuilder where = new StringBuilder();
      for (JsonMappingException.Reference ref : e.getPath()) {
        where.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
      }
      return where.toString();
    }
  }
}
