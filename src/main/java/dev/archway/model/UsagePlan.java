package dev.archway.model;

import java.util.List;
import java.util.Map;

/** A usage plan (account+region resource): the API stages it covers, its throttle and its quota. */
public record UsagePlan(
    String id,
    String name,
    String description,
    List<ApiStage> apiStages,
    ThrottleSettings throttle,
    QuotaSettings quota,
    String productCode,
    Map<String, String> tags) {

  /**
   * One API stage of a plan. {@code throttle} holds per-method limits keyed
   * {@code "{resourcePath}/{httpMethod}"}, e.g. {@code "/pets/GET"}.
   */
  public record ApiStage(String apiId, String stage, Map<String, ThrottleSettings> throttle) {
    public String key() {
      return apiId + ":" + stage;
    }
  }

  public boolean covers(String apiId, String stage) {
    return apiStages != null && apiStages.stream().anyMatch(s -> s.apiId().equals(apiId) && s.stage().equals(stage));
  }
}
