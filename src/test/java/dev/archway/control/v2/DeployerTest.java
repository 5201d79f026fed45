package dev.archway.control.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.DeployedHttpApi;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.Stage;
import dev.archway.store.JdbcStore;
import dev.archway.store.V2Kinds;
import dev.archway.testing.ArchwayServer.TempFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.archway.testing.TestStores;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The frozen document a runtime will compile, and the auto-deploy bookkeeping, against a real store. */
@ParameterizedClass
@EnumSource(TestStores.class)
class DeployerTest {
  @Parameter
  TestStores stores;

  private static final HttpApi API = new HttpApi(null, null, "api1", null, null, "2024-01-01T00:00:00Z", null, null,
      false, "ipv4", "pets", "HTTP", "${request.method} ${request.path}", Map.of(), null, null);
  private final Deployer deployer = new Deployer(null, null);
  private Path dir;
  private JdbcStore store;

  @BeforeEach
  void open() throws Exception {
    dir = Files.createTempDirectory("deployer-test");
    store = stores.open(dir);
  }

  @AfterEach
  void close() {
    store.close();
    TempFiles.deleteTree(dir);
  }

  @Test
  void freezesRoutesIntegrationsAndTheApi() {
    Integration integration = new Integration(null, null, "INTERNET", null, null, null, "int0001", "GET", null, null,
        "HTTP_PROXY", "https://backend.example.com", null, "1.0", null, null, null, null, 30000, null);
    Route route = new Route(null, false, null, "NONE", null, null, null, null, null, "rte0001", "GET /pets", null,
        "integrations/int0001");
    String id = store.write(docs -> {
      docs.put(V2Kinds.INTEGRATION, "api1", "int0001", integration);
      docs.put(V2Kinds.ROUTE, "api1", "rte0001", route);
      return deployer.freeze(docs, API, "first", false).deploymentId();
    });
    store.write(docs -> {
      docs.delete(V2Kinds.ROUTE, "api1", "rte0001");
      return null;
    });

    DeployedHttpApi frozen = store.read(docs -> docs.get(V2Kinds.DEPLOYED_API, "api1", id)).orElseThrow();
    assertThat(frozen.deploymentId()).isEqualTo(id);
    assertThat(frozen.api()).isEqualTo(API);
    assertThat(frozen.routes()).containsExactly(route);
    assertThat(frozen.integrations()).containsExactly(integration);
    assertThat(frozen.authorizers()).isEmpty();
  }

  @Test
  void autoDeployWithoutRoutesKeepsTheStageAndSaysWhy() {
    Stage stage = new Stage(null, null, true, null, "t", null, "old0001", null, null, "t", Map.of(), "$default", Map.of(), Map.of());
    List<Stage> deployed = store.write(docs -> deployer.deploy(docs, API, List.of(stage)));
    assertThat(deployed.get(0).deploymentId()).isEqualTo("old0001");
    assertThat(deployed.get(0).lastDeploymentStatusMessage()).isEqualTo("Deployment attempt failed: " + Deployer.NO_ROUTES);
    List<dev.archway.model.v2.Deployment> deployments = store.read(docs -> docs.list(V2Kinds.DEPLOYMENT, "api1"));
    assertThat(deployments).isEmpty();
    assertThatThrownBy(() -> store.write(docs -> deployer.freeze(docs, API, null, false))).isInstanceOf(ApiException.class);
  }
}
