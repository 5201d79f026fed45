package dev.archway.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MockIntegrationTest {

  @Test
  void readsTheStatusCodeOfTheTemplate() {
    assertThat(MockIntegration.invoke("{\"statusCode\": 404, \"other\": 1}")).isEqualTo(new MockIntegration.Status(404));
  }

  @Test
  void aTemplateThatIsNotJsonIsReportedAsSuch() {
    assertThat(MockIntegration.invoke("statusCode: 200")).isEqualTo(new MockIntegration.NotJson());
  }

  @Test
  void noTemplateOrNoIntegerStatusCodeIsAConfigurationError() {
    assertThat(MockIntegration.invoke(null)).isEqualTo(new MockIntegration.NoStatusCode());
    assertThat(MockIntegration.invoke("{}")).isEqualTo(new MockIntegration.NoStatusCode());
    assertThat(MockIntegration.invoke("{\"statusCode\": \"200\"}")).isEqualTo(new MockIntegration.NoStatusCode());
    assertThat(MockIntegration.invoke("{\"statusCode\": 2.5}")).isEqualTo(new MockIntegration.NoStatusCode());
  }
}
