package dev.archway.model;

import java.util.List;

/** The API Gateway settings of an account in a region. */
public record Account(
    String cloudwatchRoleArn, ThrottleSettings throttleSettings, List<String> features, String apiKeyVersion) {

  /** What AWS answers for an account nobody has configured: 10,000 rps with a burst of 5,000. */
  public static Account defaults() {
    return new Account(null, new ThrottleSettings(5000, 10000.0), List.of("UsagePlans"), "4");
  }
}
