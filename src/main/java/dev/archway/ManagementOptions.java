package dev.archway;

import dev.archway.config.Endpoints;
import dev.archway.delivery.CallerKeys;
import dev.archway.delivery.ManagementClient;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What {@code apply} and {@code export} share: where the management API is and the key to sign with. */
final class ManagementOptions {
  @Option(names = "--endpoint-url", required = true, paramLabel = "URL",
      description = "The management API of a running Archway, e.g. http://127.0.0.1:8081")
  String endpointUrl;

  @Option(names = "--region", description = "Region to sign for. Default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1")
  String region;

  @Option(names = "--profile", description = "Profile of the shared-credentials file to sign with. Default: AWS_ACCESS_KEY_ID and"
      + " AWS_SECRET_ACCESS_KEY, else AWS_PROFILE (or default) of AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials, else a"
      + " dev-mode key")
  String profile;

  /** A client of the management API; a bad URL or unusable credentials are usage errors. */
  ManagementClient client(CommandSpec spec, Map<String, String> environment) {
    try {
      CallerKeys keys = CallerKeys.resolve(environment, profile, region);
      return new ManagementClient(Endpoints.uri("--endpoint-url", endpointUrl), keys.signer(), keys.region());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  String region(Map<String, String> environment) {
    return CallerKeys.resolve(environment, profile, region).region();
  }
}
