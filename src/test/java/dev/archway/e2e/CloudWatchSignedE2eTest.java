package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.Archway;
import dev.archway.config.Settings;
import dev.archway.testing.CloudWatchClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;

/** {@code --credentials FILE}: CloudWatch and CloudWatch Logs verify SigV4 (gzipped bodies too) and scope to the key's account. */
class CloudWatchSignedE2eTest {
  @TempDir static Path dir;
  private static Archway archway;

  @BeforeAll
  static void start() throws Exception {
    Path credentials = Files.writeString(dir.resolve("credentials"), """
        [default]
        aws_access_key_id = AKIAKNOWN
        aws_secret_access_key = s3cr3t
        aws_account_id = 111122223333
        """);
    archway = Archway.start(Settings.forTests(dir.resolve("data")).withCredentialsFile(credentials));
  }

  @AfterAll
  static void stop() {
    archway.close();
  }

  @Test
  void signedCallsWorkAndBadOnesAreRefused() {
    try (CloudWatchClient cw = CloudWatchClients.cloudWatch(archway.adminPort(), "AKIAKNOWN", "s3cr3t");
         CloudWatchLogsClient logs = CloudWatchClients.logs(archway.adminPort(), "AKIAKNOWN", "s3cr3t")) {
      List<MetricDatum> data = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        data.add(MetricDatum.builder().metricName("Signed").timestamp(Instant.now()).value((double) i).build());
      }
      cw.putMetricData(r -> r.namespace("Signed").metricData(data)); // large enough to be gzipped, signed as sent
      assertThat(cw.listMetrics(r -> r.namespace("Signed")).metrics()).hasSize(1);
      logs.createLogGroup(r -> r.logGroupName("signed"));
      assertThat(logs.describeLogGroups(r -> {}).logGroups().get(0).arn()).contains(":111122223333:log-group:signed");
    }
    try (CloudWatchClient cw = CloudWatchClients.cloudWatch(archway.adminPort(), "AKIAKNOWN", "wrong");
         CloudWatchLogsClient logs = CloudWatchClients.logs(archway.adminPort(), "AKIAUNKNOWN", "s3cr3t")) {
      assertThatThrownBy(() -> cw.listMetrics(r -> {})).isInstanceOf(CloudWatchException.class)
          .extracting(e -> ((CloudWatchException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
      assertThatThrownBy(() -> logs.describeLogGroups(r -> {})).isInstanceOf(CloudWatchLogsException.class)
          .extracting(e -> ((CloudWatchLogsException) e).awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
    }
  }
}
