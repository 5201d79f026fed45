package dev.archway.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** AWS SDK clients for CloudWatch (awsquery, as SDK 2.40 speaks it) and CloudWatch Logs (awsJson1_1) on the management listener. */
public final class CloudWatchClients {
  private CloudWatchClients() {}

  public static CloudWatchLogsClient logs(int adminPort) {
    return logs(adminPort, "AKIDTEST", "secret");
  }

  public static CloudWatchLogsClient logs(int adminPort, String accessKey, String secretKey) {
    return CloudWatchLogsClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + adminPort))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .httpClient(ApacheHttpClient.create())
        .build();
  }

  public static CloudWatchClient cloudWatch(int adminPort) {
    return cloudWatch(adminPort, "AKIDTEST", "secret");
  }

  public static CloudWatchClient cloudWatch(int adminPort, String accessKey, String secretKey) {
    return CloudWatchClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + adminPort))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .httpClient(ApacheHttpClient.create())
        .build();
  }
}
