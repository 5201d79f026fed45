package dev.archway.cloudwatch;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A service answered on the management listener: its signing name (the SigV4 scope's service),
 * its model, its operations by name, and how it refuses input that breaks the model's constraints
 * (CloudWatch Logs: InvalidParameterException; CloudWatch: MissingParameter or ValidationError).
 */
public record AwsService(
    String signingName,
    ServiceModel model,
    Map<String, Operation> operations,
    Function<List<InputValidator.Violation>, AwsServiceException> refusal) {

  public AwsService {
    operations = Map.copyOf(operations);
  }

  /** The prefix of its {@code X-Amz-Target} values and its smithy service name. */
  public String targetPrefix() {
    return model.metadata("targetPrefix");
  }
}
