package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKeySourceType;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.GetRestApisResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.UpdateRestApiResponse;

class RestApiManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  @Test
  void createGetAndDefaults() {
    ApiGatewayClient aws = server.client();
    CreateRestApiResponse created = aws.createRestApi(r -> r.name("pets").description("Pet store")
        .binaryMediaTypes("image/png").tags(Map.of("team", "a")));

    assertThat(created.id()).matches("[a-z0-9]{10}");
    assertThat(created.rootResourceId()).isNotBlank();
    assertThat(created.createdDate()).isNotNull();
    assertThat(created.apiKeySource()).isEqualTo(ApiKeySourceType.HEADER);
    assertThat(created.endpointConfiguration().types()).containsExactly(EndpointType.EDGE);
    assertThat(created.binaryMediaTypes()).containsExactly("image/png");
    assertThat(created.tags()).containsEntry("team", "a");
    assertThat(created.disableExecuteApiEndpoint()).isFalse();

    var got = aws.getRestApi(r -> r.restApiId(created.id()));
    assertThat(got.name()).isEqualTo("pets");
    assertThat(got.rootResourceId()).isEqualTo(created.rootResourceId());
    assertThat(aws.getResources(r -> r.restApiId(created.id())).items())
        .singleElement().satisfies(root -> assertThat(root.path()).isEqualTo("/"));
  }

  @Test
  void customIdTagPicksTheId() {
    ApiGatewayClient aws = server.client();
    var created = aws.createRestApi(r -> r.name("fixed").tags(Map.of("_custom_id_", "myapi123")));
    assertThat(created.id()).isEqualTo("myapi123");
    assertThatThrownBy(() -> aws.createRestApi(r -> r.name("again").tags(Map.of("_custom_id_", "myapi123"))))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void pagesWithPositionAndLimit() {
    ApiGatewayClient aws = server.client(Region.EU_WEST_1);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      ids.add(aws.createRestApi(r -> r.name("paged-" + n)).id());
    }
    Set<String> seen = new HashSet<>();
    String position = null;
    int pages = 0;
    do {
      String from = position;
      GetRestApisResponse page = aws.getRestApis(r -> r.limit(2).position(from));
      page.items().forEach(api -> seen.add(api.id()));
      position = page.position();
      pages++;
    } while (position != null);
    assertThat(seen).isEqualTo(ids);
    assertThat(pages).isEqualTo(3);
    assertThat(aws.getRestApisPaginator(r -> r.limit(2)).items()).hasSize(5);
  }

  @Test
  void apisAreScopedByRegion() {
    String id = server.client().createRestApi(r -> r.name("east")).id();
    ApiGatewayClient west = server.client(Region.US_WEST_2);
    assertThatThrownBy(() -> west.getRestApi(r -> r.restApiId(id)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Invalid API identifier specified 000000000000:" + id);
    assertThat(west.getRestApis(r -> {}).items()).extracting(a -> a.id()).doesNotContain(id);
  }

  @Test
  void updateWithPatchOperations() {
    ApiGatewayClient aws = server.client();
    String id = aws.createRestApi(r -> r.name("before").binaryMediaTypes("image/png")).id();
    UpdateRestApiResponse updated = aws.updateRestApi(r -> r.restApiId(id).patchOperations(
        p -> p.op(Op.REPLACE).path("/name").value("after"),
        p -> p.op(Op.ADD).path("/binaryMediaTypes/application~1octet-stream"),
        p -> p.op(Op.REMOVE).path("/binaryMediaTypes/image~1png"),
        p -> p.op(Op.REPLACE).path("/apiKeySource").value("AUTHORIZER")));
    assertThat(updated.name()).isEqualTo("after");
    assertThat(updated.binaryMediaTypes()).containsExactly("application/octet-stream");
    assertThat(updated.apiKeySource()).isEqualTo(ApiKeySourceType.AUTHORIZER);
    assertThat(aws.getRestApi(r -> r.restApiId(id)).name()).isEqualTo("after");

    assertThatThrownBy(() -> aws.updateRestApi(r -> r.restApiId(id).patchOperations(
        p -> p.op(Op.REPLACE).path("/name").value("x"), p -> p.op(Op.REPLACE).path("/nope").value("y"))))
        .isInstanceOf(BadRequestException.class);
    assertThat(aws.getRestApi(r -> r.restApiId(id)).name()).as("nothing of a refused patch is applied").isEqualTo("after");
    assertThatThrownBy(() -> aws.updateRestApi(r -> r.restApiId(id).patchOperations(
        p -> p.op(Op.REPLACE).path("/apiKeySource").value("COOKIE"))))
        .isInstanceOf(ApiGatewayException.class).hasMessageContaining("1 validation error detected: Value 'COOKIE' at "
            + "'createRestApiInput.apiKeySource' failed to satisfy constraint: Member must satisfy enum value set: [AUTHORIZER, HEADER]");
  }

  @Test
  void deleteAndErrors() {
    ApiGatewayClient aws = server.client();
    String id = aws.createRestApi(r -> r.name("doomed")).id();
    aws.deleteRestApi(r -> r.restApiId(id));
    assertThatThrownBy(() -> aws.getRestApi(r -> r.restApiId(id))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> aws.deleteRestApi(r -> r.restApiId(id))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> aws.createRestApi(r -> r.description("no name"))).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> aws.createRestApi(r -> r.name("bad").apiKeySource("NOPE")))
        .isInstanceOf(ApiGatewayException.class).hasMessageContaining("at 'createRestApiInput.apiKeySource'");
    assertThatThrownBy(() -> aws.getRestApis(r -> r.limit(501))).isInstanceOf(BadRequestException.class);
  }
}
