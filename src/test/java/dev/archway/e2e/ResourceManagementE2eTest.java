package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.Resource;

class ResourceManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private final ApiGatewayClient aws = server.client();

  @Test
  void createsNestedResourcesWithParamsAndGreedy() {
    var api = aws.createRestApi(r -> r.name("tree"));
    Resource pets = create(api.id(), api.rootResourceId(), "pets");
    Resource pet = create(api.id(), pets.id(), "{petId}");
    Resource files = create(api.id(), api.rootResourceId(), "{proxy+}");

    assertThat(pets.path()).isEqualTo("/pets");
    assertThat(pet.path()).isEqualTo("/pets/{petId}");
    assertThat(pet.parentId()).isEqualTo(pets.id());
    assertThat(files.path()).isEqualTo("/{proxy+}");
    assertThat(aws.getResource(r -> r.restApiId(api.id()).resourceId(pet.id())).pathPart()).isEqualTo("{petId}");
    assertThat(aws.getResourcesPaginator(r -> r.restApiId(api.id())).items()).hasSize(4);
  }

  @Test
  void rejectsConflictsAndBadParts() {
    var api = aws.createRestApi(r -> r.name("rules"));
    Resource a = create(api.id(), api.rootResourceId(), "a");
    create(api.id(), api.rootResourceId(), "{id}");
    Resource greedy = create(api.id(), a.id(), "{proxy+}");

    assertThatThrownBy(() -> create(api.id(), api.rootResourceId(), "a"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("Another resource with the same parent already has this name: a");
    assertThatThrownBy(() -> create(api.id(), api.rootResourceId(), "{other}")).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> create(api.id(), greedy.id(), "child")).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> create(api.id(), api.rootResourceId(), "bad/part")).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> create(api.id(), "nosuchid", "x")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> aws.getResource(r -> r.restApiId(api.id()).resourceId("nosuchid")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Resource identifier specified");
    assertThatThrownBy(() -> aws.deleteResource(r -> r.restApiId(api.id()).resourceId(api.rootResourceId())))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void embedMethodsShowsMethodDetails() {
    var api = aws.createRestApi(r -> r.name("embed"));
    Resource items = create(api.id(), api.rootResourceId(), "items");
    aws.putMethod(r -> r.restApiId(api.id()).resourceId(items.id()).httpMethod("GET").authorizationType("NONE").apiKeyRequired(true));

    var plain = aws.getResources(r -> r.restApiId(api.id())).items().stream().filter(x -> x.id().equals(items.id())).findFirst().orElseThrow();
    assertThat(plain.resourceMethods()).containsOnlyKeys("GET");
    assertThat(plain.resourceMethods().get("GET").apiKeyRequired()).isNull();

    var embedded = aws.getResources(r -> r.restApiId(api.id()).embed("methods")).items().stream().filter(x -> x.id().equals(items.id())).findFirst().orElseThrow();
    assertThat(embedded.resourceMethods().get("GET").apiKeyRequired()).isTrue();
    assertThat(aws.getResource(r -> r.restApiId(api.id()).resourceId(items.id()).embed("methods"))
        .resourceMethods().get("GET").authorizationType()).isEqualTo("NONE");
  }

  @Test
  void renameAndMoveRewriteDescendantPaths() {
    var api = aws.createRestApi(r -> r.name("move"));
    Resource a = create(api.id(), api.rootResourceId(), "a");
    Resource b = create(api.id(), api.rootResourceId(), "b");
    Resource child = create(api.id(), a.id(), "child");
    Resource leaf = create(api.id(), child.id(), "{leaf}");

    Resource renamed = toResource(aws.updateResource(r -> r.restApiId(api.id()).resourceId(a.id())
        .patchOperations(p -> p.op(Op.REPLACE).path("/pathPart").value("alpha"))));
    assertThat(renamed.path()).isEqualTo("/alpha");
    assertThat(aws.getResource(r -> r.restApiId(api.id()).resourceId(leaf.id())).path()).isEqualTo("/alpha/child/{leaf}");

    aws.updateResource(r -> r.restApiId(api.id()).resourceId(child.id())
        .patchOperations(p -> p.op(Op.REPLACE).path("/parentId").value(b.id())));
    assertThat(aws.getResource(r -> r.restApiId(api.id()).resourceId(leaf.id())).path()).isEqualTo("/b/child/{leaf}");

    assertThatThrownBy(() -> aws.updateResource(r -> r.restApiId(api.id()).resourceId(b.id())
        .patchOperations(p -> p.op(Op.REPLACE).path("/parentId").value(leaf.id()))))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> aws.updateResource(r -> r.restApiId(api.id()).resourceId(b.id())
        .patchOperations(p -> p.op(Op.REPLACE).path("/invalid").value("x"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid patch path  '/invalid'");
  }

  @Test
  void deleteCascadesToChildren() {
    var api = aws.createRestApi(r -> r.name("cascade"));
    Resource a = create(api.id(), api.rootResourceId(), "a");
    Resource child = create(api.id(), a.id(), "child");
    aws.deleteResource(r -> r.restApiId(api.id()).resourceId(a.id()));
    assertThatThrownBy(() -> aws.getResource(r -> r.restApiId(api.id()).resourceId(child.id())))
        .isInstanceOf(NotFoundException.class);
    assertThat(aws.getResources(r -> r.restApiId(api.id())).items()).hasSize(1);
  }

  private Resource create(String apiId, String parentId, String pathPart) {
    return toResource(aws.createResource(r -> r.restApiId(apiId).parentId(parentId).pathPart(pathPart)));
  }

  private static Resource toResource(software.amazon.awssdk.core.SdkPojo response) {
    var r = response;
    if (r instanceof software.amazon.awssdk.services.apigateway.model.CreateResourceResponse c) {
      return Resource.builder().id(c.id()).parentId(c.parentId()).pathPart(c.pathPart()).path(c.path()).build();
    }
    var u = (software.amazon.awssdk.services.apigateway.model.UpdateResourceResponse) r;
    return Resource.builder().id(u.id()).parentId(u.parentId()).pathPart(u.pathPart()).path(u.path()).build();
  }
}
