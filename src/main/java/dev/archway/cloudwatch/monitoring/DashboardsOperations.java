package dev.archway.cloudwatch.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.cloudwatch.AwsServiceException;
import dev.archway.cloudwatch.CloudWatchErrors;
import dev.archway.cloudwatch.PageOffset;
import dev.archway.control.Caller;
import dev.archway.model.Json;
import dev.archway.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * PutDashboard (the body checked as AWS checks it), GetDashboard, ListDashboards and
 * DeleteDashboards. Dashboards belong to an account, not a region, as on AWS.
 */
final class DashboardsOperations {
  private final Store store;
  private final Clock clock;

  DashboardsOperations(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  private static String scope(Caller caller) {
    return caller.accountId() + ":global";
  }

  private static String arn(Caller caller, String name) {
    return "arn:aws:cloudwatch::" + caller.accountId() + ":dashboard/" + name;
  }

  JsonNode put(Caller caller, JsonNode input) {
    String name = input.path("DashboardName").asText();
    if (name.isEmpty() || name.length() > 255 || !name.matches("[A-Za-z0-9_-]+")) {
      throw invalidInput("The value for field DashboardName contains invalid characters. It can only contain alphanumerics,"
          + " dash (-) and underscore (_).", List.of());
    }
    String body = input.path("DashboardBody").asText();
    List<DashboardBodyRules.Message> problems = DashboardBodyRules.check(body);
    if (!problems.isEmpty()) {
      throw invalidInput("The dashboard body is invalid, there " + (problems.size() == 1 ? "is 1 validation error" : "are "
          + problems.size() + " validation errors"), problems);
    }
    store.write(docs -> {
      docs.put(CloudWatchKinds.DASHBOARD, scope(caller), name, new Dashboard(name, body, clock.millis()));
      return null;
    });
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.putArray("DashboardValidationMessages");
    return out;
  }

  private static AwsServiceException invalidInput(String message, List<DashboardBodyRules.Message> problems) {
    ObjectNode details = Json.MAPPER.createObjectNode();
    details.set("dashboardValidationMessages", DashboardBodyRules.wire(problems));
    return new AwsServiceException(400, "DashboardInvalidInputError", message, details);
  }

  JsonNode get(Caller caller, JsonNode input) {
    String name = input.path("DashboardName").asText();
    Dashboard dashboard = store.read(docs -> docs.get(CloudWatchKinds.DASHBOARD, scope(caller), name))
        .orElseThrow(() -> notFound("Dashboard " + name + " does not exist"));
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("DashboardArn", arn(caller, name));
    out.put("DashboardBody", dashboard.body());
    out.put("DashboardName", name);
    return out;
  }

  JsonNode list(Caller caller, JsonNode input) {
    String prefix = input.path("DashboardNamePrefix").asText("");
    List<Dashboard> matching = store.read(docs -> docs.list(CloudWatchKinds.DASHBOARD, scope(caller))).stream()
        .filter(d -> d.name().startsWith(prefix)).sorted(Comparator.comparing(Dashboard::name)).toList();
    int skip = PageOffset.read(input.path("NextToken").asText(null));
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode entries = out.putArray("DashboardEntries");
    matching.stream().skip(skip).limit(1000).forEach(d -> {
      ObjectNode entry = entries.addObject();
      entry.put("DashboardName", d.name());
      entry.put("DashboardArn", arn(caller, d.name()));
      entry.set("LastModified", CloudWatchErrors.timestamp(d.lastModified()));
      entry.put("Size", d.body().getBytes(StandardCharsets.UTF_8).length);
    });
    if (matching.size() > skip + 1000) {
      out.put("NextToken", Integer.toString(skip + 1000));
    }
    return out;
  }

  JsonNode delete(Caller caller, JsonNode input) {
    List<String> names = AlarmsOperations.strings(input.path("DashboardNames"));
    store.write(docs -> {
      List<String> absent = names.stream().filter(n -> docs.get(CloudWatchKinds.DASHBOARD, scope(caller), n).isEmpty()).toList();
      if (!absent.isEmpty()) {
        throw notFound("The specified dashboard does not exist. " + absent);
      }
      names.forEach(n -> docs.delete(CloudWatchKinds.DASHBOARD, scope(caller), n));
      return null;
    });
    return null;
  }

  private static AwsServiceException notFound(String message) {
    return new AwsServiceException(404, "DashboardNotFoundError", message);
  }
}
