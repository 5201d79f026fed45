package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** Log groups, streams, retention and tags through the AWS SDK's CloudWatch Logs client (awsJson1_1). */
class LogGroupManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static CloudWatchLogsClient logs;

  @BeforeAll
  static void client() {
    logs = CloudWatchClients.logs(server.adminPort());
  }

  @AfterAll
  static void close() {
    logs.close();
  }

  @Test
  void groupsAreCreatedListedPagedAndDeleted() {
    for (String name : new String[] {"/app/a", "/app/b", "/app/c", "/other/Thing"}) {
      logs.createLogGroup(r -> r.logGroupName(name).tags(Map.of("team", "gw")));
    }
    assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("/app/a")))
        .isInstanceOf(ResourceAlreadyExistsException.class).hasMessageContaining("The specified log group already exists");

    var page1 = logs.describeLogGroups(r -> r.logGroupNamePrefix("/app/").limit(2));
    assertThat(page1.logGroups()).extracting(LogGroup::logGroupName).containsExactly("/app/a", "/app/b");
    var page2 = logs.describeLogGroups(r -> r.logGroupNamePrefix("/app/").limit(2).nextToken(page1.nextToken()));
    assertThat(page2.logGroups()).extracting(LogGroup::logGroupName).containsExactly("/app/c");
    assertThat(page2.nextToken()).isNull();
    assertThat(logs.describeLogGroups(r -> r.logGroupNamePattern("thing")).logGroups())
        .extracting(LogGroup::logGroupName).containsExactly("/other/Thing");
    LogGroup a = logs.describeLogGroups(r -> r.logGroupNamePrefix("/app/a")).logGroups().get(0);
    assertThat(a.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/app/a:*");
    assertThat(a.logGroupArn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/app/a");
    assertThat(a.logGroupClassAsString()).isEqualTo("STANDARD");
    assertThat(a.retentionInDays()).isNull();
    assertThatThrownBy(() -> logs.describeLogGroups(r -> r.logGroupNamePrefix("/a").logGroupNamePattern("b")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("mutually exclusive");

    logs.deleteLogGroup(r -> r.logGroupName("/app/c"));
    assertThatThrownBy(() -> logs.deleteLogGroup(r -> r.logGroupName("/app/c")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("The specified log group does not exist.")
        .extracting(e -> ((ResourceNotFoundException) e).statusCode()).isEqualTo(400);
  }

  @Test
  void retentionAcceptsAwsPeriodsOnly() {
    logs.createLogGroup(r -> r.logGroupName("retained"));
    logs.putRetentionPolicy(r -> r.logGroupName("retained").retentionInDays(14));
    assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("retained")).logGroups().get(0).retentionInDays()).isEqualTo(14);
    assertThatThrownBy(() -> logs.putRetentionPolicy(r -> r.logGroupName("retained").retentionInDays(2)))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3, 5,");
    logs.deleteRetentionPolicy(r -> r.logGroupName("retained"));
    assertThat(logs.describeLogGroups(r -> r.logGroupNamePrefix("retained")).logGroups().get(0).retentionInDays()).isNull();
    assertThatThrownBy(() -> logs.putRetentionPolicy(r -> r.logGroupName("absent").retentionInDays(1)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void streamsAreCreatedOrderedAndDeleted() {
    logs.createLogGroup(r -> r.logGroupName("streams"));
    for (String name : new String[] {"b", "a", "c"}) {
      logs.createLogStream(r -> r.logGroupName("streams").logStreamName(name));
    }
    assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName("streams").logStreamName("a")))
        .isInstanceOf(ResourceAlreadyExistsException.class).hasMessageContaining("The specified log stream already exists");
    assertThatThrownBy(() -> logs.createLogStream(r -> r.logGroupName("nope").logStreamName("a")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("The specified log group does not exist.");
    long now = System.currentTimeMillis();
    logs.putLogEvents(r -> r.logGroupName("streams").logStreamName("a").logEvents(e -> e.timestamp(now).message("late")));
    logs.putLogEvents(r -> r.logGroupName("streams").logStreamName("c").logEvents(e -> e.timestamp(now - 1000).message("early")));

    assertThat(logs.describeLogStreams(r -> r.logGroupName("streams")).logStreams())
        .extracting(LogStream::logStreamName).containsExactly("a", "b", "c");
    assertThat(logs.describeLogStreams(r -> r.logGroupName("streams").orderBy(OrderBy.LAST_EVENT_TIME).descending(true))
        .logStreams()).extracting(LogStream::logStreamName).first().isEqualTo("a");
    var paged = logs.describeLogStreams(r -> r.logGroupName("streams").limit(2));
    assertThat(logs.describeLogStreams(r -> r.logGroupName("streams").nextToken(paged.nextToken())).logStreams())
        .extracting(LogStream::logStreamName).containsExactly("c");
    LogStream a = logs.describeLogStreams(r -> r.logGroupName("streams").logStreamNamePrefix("a")).logStreams().get(0);
    assertThat(a.firstEventTimestamp()).isEqualTo(now);
    assertThat(a.lastEventTimestamp()).isEqualTo(now);
    assertThat(a.lastIngestionTime()).isPositive();
    assertThat(a.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:streams:log-stream:a");
    assertThatThrownBy(() -> logs.describeLogStreams(r -> r.logGroupName("streams").logStreamNamePrefix("a").orderBy(OrderBy.LAST_EVENT_TIME)))
        .isInstanceOf(InvalidParameterException.class);

    logs.deleteLogStream(r -> r.logGroupName("streams").logStreamName("a"));
    assertThatThrownBy(() -> logs.deleteLogStream(r -> r.logGroupName("streams").logStreamName("a")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("The specified log stream does not exist.");
    // A stream created again under the same name starts empty.
    logs.createLogStream(r -> r.logGroupName("streams").logStreamName("a"));
    assertThat(logs.getLogEvents(r -> r.logGroupName("streams").logStreamName("a")).events()).isEmpty();
  }

  @Test
  void tagsOnLogGroupArnsAndTheOlderForms() {
    logs.createLogGroup(r -> r.logGroupName("tagged").tags(Map.of("a", "1")));
    String arn = "arn:aws:logs:us-east-1:000000000000:log-group:tagged";
    logs.tagResource(r -> r.resourceArn(arn).tags(Map.of("b", "2")));
    assertThat(logs.listTagsForResource(r -> r.resourceArn(arn)).tags()).containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));
    logs.untagResource(r -> r.resourceArn(arn).tagKeys("a"));
    logs.tagLogGroup(r -> r.logGroupName("tagged").tags(Map.of("c", "3")));
    assertThat(logs.listTagsLogGroup(r -> r.logGroupName("tagged")).tags()).containsOnly(Map.entry("b", "2"), Map.entry("c", "3"));
    logs.untagLogGroup(r -> r.logGroupName("tagged").tags("b"));
    assertThat(logs.listTagsForResource(r -> r.resourceArn(arn)).tags()).containsOnly(Map.entry("c", "3"));
    // The model's ARN pattern has no '*': the ARN DescribeLogGroups shows in 'arn' is refused, as on AWS.
    assertThatThrownBy(() -> logs.listTagsForResource(r -> r.resourceArn(arn + ":*")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("at 'resourceArn' failed to satisfy constraint");
    assertThatThrownBy(() -> logs.listTagsForResource(r -> r.resourceArn("arn:aws:logs:eu-west-1:000000000000:log-group:tagged")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void namesAreCheckedAgainstTheModel() {
    assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("bad name!")))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("1 validation error detected: Value 'bad name!' at 'logGroupName' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
    assertThatThrownBy(() -> logs.createLogGroup(r -> r.logGroupName("kms").kmsKeyId("arn:aws:kms:us-east-1:000000000000:key/x")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("KMS");
  }
}
