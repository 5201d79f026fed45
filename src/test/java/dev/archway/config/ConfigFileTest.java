package dev.archway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir Path dir;

  Path file(String yaml) throws Exception {
    return Files.writeString(dir.resolve("archway.yaml"), yaml);
  }

  @Test
  void nestedAndDottedKeysNameTheSameSettings() throws Exception {
    Endpoints endpoints = ConfigFile.endpoints(file("""
        lambda:
          endpoint: http://localhost:9001
          endpoints:
            eu-west-1: http://localhost:9002/
        aws.endpoints.sqs: https://sqs.local:4566
        """));
    assertThat(endpoints.lambdaFor("us-east-1")).isEqualTo(URI.create("http://localhost:9001"));
    assertThat(endpoints.lambdaFor("eu-west-1")).isEqualTo(URI.create("http://localhost:9002/"));
    assertThat(endpoints.service("SQS")).isEqualTo(URI.create("https://sqs.local:4566"));
    assertThat(endpoints.service("sns")).isNull();
  }

  @Test
  void flagsWinOverTheFile() throws Exception {
    Endpoints file = ConfigFile.endpoints(file("lambda.endpoint: http://a:1\naws.endpoints.sqs: http://b:2\n"));
    Endpoints flags = new Endpoints(URI.create("http://c:3"), java.util.Map.of(),
        Endpoints.parseServiceEntries(List.of("sqs=http://d:4", "sns=http://e:5")));
    Endpoints merged = file.overriddenBy(flags);
    assertThat(merged.lambdaFor("us-east-1")).isEqualTo(URI.create("http://c:3"));
    assertThat(merged.service("sqs")).isEqualTo(URI.create("http://d:4"));
    assertThat(merged.service("sns")).isEqualTo(URI.create("http://e:5"));
  }

  @Test
  void cognitoIssuersReplaceAwsIssuersPerPool() throws Exception {
    Endpoints endpoints = ConfigFile.endpoints(file("cognito:\n  issuers:\n    us-east-1_Abc1: http://idp:8080/realms/x\n"));
    assertThat(endpoints.cognitoIssuer("us-east-1", "us-east-1_Abc1")).isEqualTo("http://idp:8080/realms/x");
    assertThat(endpoints.cognitoIssuer("eu-west-1", "eu-west-1_Other")).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other");
  }

  @Test
  void snsTopicsMapToWebhooks() throws Exception {
    Endpoints endpoints = ConfigFile.endpoints(file(
        "sns:\n  topics:\n    arn:aws:sns:us-east-1:000000000000:alerts: https://hooks.example.com/cw\n"
            + "sns.topics.arn:aws:sns:eu-west-1:123456789012:orders.fifo: http://localhost:9000/hook\n"));
    assertThat(endpoints.snsTopic("arn:aws:sns:us-east-1:000000000000:alerts")).hasToString("https://hooks.example.com/cw");
    assertThat(endpoints.snsTopic("arn:aws:sns:eu-west-1:123456789012:orders.fifo")).hasToString("http://localhost:9000/hook");
    assertThat(endpoints.snsTopic("arn:aws:sns:us-east-1:000000000000:other")).isNull();
    assertThatThrownBy(() -> ConfigFile.endpoints(file("sns.topics.alerts: http://a:1\n")))
        .hasMessageContaining("sns.topics.alerts (expected: an SNS topic ARN");
    assertThatThrownBy(() -> ConfigFile.endpoints(file("sns.topics.arn:aws:sns:us-east-1:000000000000:a: mailto:me\n")))
        .hasMessageContaining("expected: an absolute http or https URL");
  }

  @Test
  void mistakesFailNamingTheFileTheKeyAndTheExpectation() throws Exception {
    assertThatThrownBy(() -> ConfigFile.endpoints(file("lambda.endpont: http://a:1\n")))
        .hasMessageContaining("lambda.endpont (expected: lambda.endpoint, lambda.endpoints.<region>, aws.endpoints.<service>"
            + ", cognito.issuers.<user pool id> or sns.topics.<topic ARN>)");
    assertThatThrownBy(() -> ConfigFile.endpoints(file("cognito.issuers.not-a-pool: http://a:1\n")))
        .hasMessageContaining("cognito.issuers.not-a-pool (expected: a user pool id");
    assertThatThrownBy(() -> ConfigFile.endpoints(file("lambda.endpoint: ftp://a\n")))
        .hasMessageContaining("ftp://a (expected: an absolute http or https URL)");
    assertThatThrownBy(() -> ConfigFile.endpoints(file("lambda.endpoints.mars: http://a:1\n")))
        .hasMessageContaining("lambda.endpoints.mars (expected: an AWS region name");
    assertThatThrownBy(() -> ConfigFile.endpoints(file("lambda: [1, 2]\n")))
        .hasMessageContaining("lambda is ARRAY");
    assertThatThrownBy(() -> ConfigFile.endpoints(file("lambda: {endpoint: [\n")))
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> Endpoints.parseServiceEntries(List.of("sqs")))
        .hasMessageContaining("aws-endpoint: sqs (expected: SERVICE=URL");
  }
}
