package dev.archway.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsUrisTest {
  static final String PREFIX = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/";

  @Test
  void lambdaUrisGiveTheFunctionItsQualifierAndItsRegion() {
    LambdaFunctionUri fixed = LambdaFunctionUri.parse(PREFIX + "arn:aws:lambda:us-west-2:123456789012:function:orders:live/invocations");
    LambdaFunction qualified = fixed.function(Map.of());
    assertThat(qualified).isEqualTo(new LambdaFunction("arn:aws:lambda:us-west-2:123456789012:function:orders", "live", "us-west-2"));
    assertThat(fixed.function(Map.of("fn", "other"))).as("parsed once, at deploy time").isSameAs(qualified);

    LambdaFunctionUri staged = LambdaFunctionUri.parse(
        PREFIX + "arn:aws:lambda:eu-west-1:123456789012:function:${stageVariables.fn}/invocations");
    assertThat(staged.function(Map.of("fn", "pay:7"))).isEqualTo(
        new LambdaFunction("arn:aws:lambda:eu-west-1:123456789012:function:pay", "7", "eu-west-1"));
    assertThat(LambdaFunctionUri.parse(PREFIX + "${stageVariables.fn}/invocations").function(Map.of("fn", "bare")))
        .isEqualTo(new LambdaFunction("bare", null, "eu-west-1"));
    assertThatThrownBy(() -> staged.function(Map.of("fn", "../../admin"))).hasMessageContaining("lambda function:");
    assertThatThrownBy(() -> staged.function(Map.of())).hasMessageContaining("lambda function:");
  }

  @Test
  void badLambdaUrisFailAtDeploy() {
    assertThatThrownBy(() -> LambdaFunctionUri.parse("arn:aws:lambda:us-east-1:1:function:f"))
        .hasMessageContaining("(expected: arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/");
    assertThatThrownBy(() -> LambdaFunctionUri.parse(PREFIX + "not a function/invocations"))
        .hasMessageContaining("lambda function: not a function");
  }

  @Test
  void serviceUrisHaveAPathOrAnActionForm() {
    AwsServiceUri path = AwsServiceUri.parse("arn:aws:apigateway:us-west-2:s3:path/{bucket}/{key}");
    assertThat(path).isEqualTo(new AwsServiceUri("us-west-2", null, "s3", true, "{bucket}/{key}"));
    AwsServiceUri action = AwsServiceUri.parse("arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket={bucket}&Key={key}");
    assertThat(action.action()).isEqualTo("GetObject");
    assertThat(action.actionParameters()).isEqualTo("Bucket={bucket}&Key={key}");
    AwsServiceUri subdomain = AwsServiceUri.parse("arn:aws:apigateway:us-east-1:abc123.iotdata:path/things/t1/shadow");
    assertThat(subdomain.subdomain()).isEqualTo("abc123");
    assertThat(subdomain.service()).isEqualTo("iotdata");
    assertThatThrownBy(() -> AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:invoke/x")).hasMessageContaining("expected:");
    assertThatThrownBy(() -> AwsServiceUri.parse("arn:aws:apigateway:us-east-1:sqs:action/&x=1")).hasMessageContaining("an action name");
  }
}
