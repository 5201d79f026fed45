package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DashboardEntry;
import software.amazon.awssdk.services.cloudwatch.model.DashboardInvalidInputErrorException;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.DashboardValidationMessage;

/** PutDashboard (with AWS's body validation), GetDashboard, ListDashboards, DeleteDashboards through the AWS SDK. */
class DashboardE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static CloudWatchClient cw;
  static final String BODY = "{\"widgets\":[{\"type\":\"metric\",\"x\":0,\"y\":0,\"width\":12,\"height\":6,\"properties\":{"
      + "\"metrics\":[[\"AWS/ApiGateway\",\"Count\",\"ApiName\",\"pets\"]],\"period\":300,\"stat\":\"Sum\",\"region\":\"us-east-1\"}},"
      + "{\"type\":\"text\",\"x\":12,\"y\":0,\"width\":12,\"height\":2,\"properties\":{\"markdown\":\"# Pets\"}}]}";

  @BeforeAll
  static void client() {
    cw = CloudWatchClients.cloudWatch(server.adminPort());
  }

  @AfterAll
  static void close() {
    cw.close();
  }

  @Test
  void dashboardsArePutReadListedAndDeleted() {
    assertThat(cw.putDashboard(r -> r.dashboardName("pets-main").dashboardBody(BODY)).dashboardValidationMessages()).isEmpty();
    cw.putDashboard(r -> r.dashboardName("pets-other").dashboardBody("{\"widgets\":[]}"));
    var got = cw.getDashboard(r -> r.dashboardName("pets-main"));
    assertThat(got.dashboardBody()).isEqualTo(BODY);
    assertThat(got.dashboardArn()).isEqualTo("arn:aws:cloudwatch::000000000000:dashboard/pets-main");
    assertThat(cw.listDashboards(r -> r.dashboardNamePrefix("pets-")).dashboardEntries())
        .extracting(DashboardEntry::dashboardName).containsExactly("pets-main", "pets-other");
    DashboardEntry entry = cw.listDashboards(r -> r.dashboardNamePrefix("pets-main")).dashboardEntries().get(0);
    assertThat(entry.size()).isEqualTo(BODY.length());
    assertThat(entry.lastModified()).isNotNull();

    assertThatThrownBy(() -> cw.deleteDashboards(r -> r.dashboardNames("pets-main", "absent")))
        .isInstanceOf(DashboardNotFoundErrorException.class);
    cw.deleteDashboards(r -> r.dashboardNames("pets-main", "pets-other"));
    assertThatThrownBy(() -> cw.getDashboard(r -> r.dashboardName("pets-main")))
        .isInstanceOf(DashboardNotFoundErrorException.class).hasMessageContaining("Dashboard pets-main does not exist");
  }

  @Test
  void invalidBodiesAreRefusedWithValidationMessages() {
    DashboardInvalidInputErrorException error = (DashboardInvalidInputErrorException) org.assertj.core.api.Assertions.catchThrowable(
        () -> cw.putDashboard(r -> r.dashboardName("bad").dashboardBody(
            "{\"widgets\":[{\"type\":\"metric\",\"width\":30,\"properties\":{\"metrics\":[\"not an array\"]}},{\"type\":\"chart\"}]}")));
    assertThat(error).isNotNull();
    assertThat(error.getMessage()).contains("The dashboard body is invalid, there are 5 validation errors");
    assertThat(error.dashboardValidationMessages()).extracting(DashboardValidationMessage::dataPath, DashboardValidationMessage::message)
        .contains(org.assertj.core.groups.Tuple.tuple("/widgets/0/width", "Should be <= 24"),
            org.assertj.core.groups.Tuple.tuple("/widgets/0/properties", "Should have required property 'region'"),
            org.assertj.core.groups.Tuple.tuple("/widgets/0/properties/metrics/0", "Should be array"),
            org.assertj.core.groups.Tuple.tuple("/widgets/1", "Should have required property 'properties'"));
    assertThatThrownBy(() -> cw.putDashboard(r -> r.dashboardName("bad").dashboardBody("not json")))
        .isInstanceOf(DashboardInvalidInputErrorException.class);
    assertThatThrownBy(() -> cw.putDashboard(r -> r.dashboardName("bad name!").dashboardBody("{\"widgets\":[]}")))
        .isInstanceOf(DashboardInvalidInputErrorException.class).hasMessageContaining("alphanumerics");
    assertThat(cw.listDashboards(r -> r.dashboardNamePrefix("bad")).dashboardEntries()).isEmpty();
  }
}
