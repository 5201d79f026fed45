package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.Model;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;

/** Models through the AWS SDK: the built-in Empty and Error, lifecycle, schema checks, references, templates. */
class ModelManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static final String PET = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\","
      + "\"required\":[\"name\"],\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}}}";

  private final ApiGatewayClient aws = server.client();
  private String apiId;
  private String root;

  @BeforeEach
  void api() {
    var api = aws.createRestApi(r -> r.name("models"));
    apiId = api.id();
    root = api.rootResourceId();
  }

  @Test
  void everyNewApiHasTheEmptyAndErrorModels() {
    var models = aws.getModels(r -> r.restApiId(apiId)).items();
    assertThat(models).extracting(Model::name).containsExactly("Empty", "Error");
    var empty = aws.getModel(r -> r.restApiId(apiId).modelName("Empty"));
    assertThat(empty.contentType()).isEqualTo("application/json");
    assertThat(empty.description()).isEqualTo("This is a default empty schema model");
    assertThat(empty.schema()).contains("\"title\" : \"Empty Schema\"").contains("\"type\" : \"object\"");
    assertThat(aws.getModel(r -> r.restApiId(apiId).modelName("Error")).schema()).contains("\"message\" : { \"type\" : \"string\" }");
  }

  @Test
  void modelLifecycle() {
    var created = aws.createModel(r -> r.restApiId(apiId).name("Pet").contentType("application/json").schema(PET).description("a pet"));
    assertThat(created.id()).isNotBlank();
    assertThat(created.name()).isEqualTo("Pet");
    assertThat(aws.getModel(r -> r.restApiId(apiId).modelName("Pet")).schema()).isEqualTo(PET);

    var updated = aws.updateModel(r -> r.restApiId(apiId).modelName("Pet").patchOperations(
        p -> p.op(Op.REPLACE).path("/description").value("still a pet"),
        p -> p.op(Op.REPLACE).path("/schema").value("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}")));
    assertThat(updated.description()).isEqualTo("still a pet");
    assertThat(updated.schema()).contains("array");

    assertThat(aws.getModels(r -> r.restApiId(apiId).limit(2)).position()).isNotNull();
    aws.deleteModel(r -> r.restApiId(apiId).modelName("Pet"));
    assertThatThrownBy(() -> aws.getModel(r -> r.restApiId(apiId).modelName("Pet")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid model name specified: Pet");
  }

  @Test
  void badModelsAreRefusedWithClearMessages() {
    assertThatThrownBy(() -> aws.createModel(r -> r.restApiId(apiId).name("Empty").contentType("application/json").schema(PET)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("Model name already exists for this REST API");
    assertThatThrownBy(() -> aws.createModel(r -> r.restApiId(apiId).name("pet-model").contentType("application/json").schema(PET)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("alphanumeric");
    assertThatThrownBy(() -> aws.createModel(r -> r.restApiId(apiId).name("Pet").schema(PET)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Content type");
    assertThatThrownBy(() -> aws.createModel(r -> r.restApiId(apiId).name("Pet").contentType("application/json").schema("{not json")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> aws.createModel(r -> r.restApiId(apiId).name("Pet").contentType("application/json")
        .schema("{\"type\":\"objekt\"}")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("draft 4");
    // Patterns run on a linear-time engine: what needs backtracking is refused, naming the pattern, in AWS's words.
    assertThatThrownBy(() -> aws.createModel(r -> r.restApiId(apiId).name("Pet").contentType("application/json")
        .schema("{\"type\":\"string\",\"pattern\":\"^(a+)\\\\1$\"}")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified. "
            + "pattern '^(a+)\\1$' is not supported: invalid escape sequence");
    assertThatThrownBy(() -> aws.updateModel(r -> r.restApiId(apiId).modelName("Empty").patchOperations(p -> p.op(Op.REPLACE)
        .path("/schema").value("{\"patternProperties\":{\"^(?!x)\":{}}}"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("pattern '^(?!x)' is not supported");
    assertThatThrownBy(() -> aws.createModel(r -> r.restApiId(apiId).name("Pet").contentType("application/json")
        .schema("{\"$ref\":\"http://169.254.169.254/latest/meta-data\"}")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("$ref");
    assertThatThrownBy(() -> aws.updateModel(r -> r.restApiId(apiId).modelName("Empty").patchOperations(
        p -> p.op(Op.REPLACE).path("/name").value("X"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Must be one of: [/description, /schema]");
    assertThatThrownBy(() -> aws.getModel(r -> r.restApiId("nope").modelName("Empty"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aModelInUseCannotBeDeleted() {
    aws.createModel(r -> r.restApiId(apiId).name("Pet").contentType("application/json").schema(PET));
    String pets = aws.createResource(r -> r.restApiId(apiId).parentId(root).pathPart("pets")).id();
    assertThatThrownBy(() -> aws.putMethod(r -> r.restApiId(apiId).resourceId(pets).httpMethod("POST").authorizationType("NONE")
        .requestModels(Map.of("application/json", "Cat"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid model identifier specified: Cat");
    aws.putMethod(r -> r.restApiId(apiId).resourceId(pets).httpMethod("POST").authorizationType("NONE")
        .requestModels(Map.of("application/json", "Pet")));
    assertThatThrownBy(() -> aws.deleteModel(r -> r.restApiId(apiId).modelName("Pet")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("Cannot delete model 'Pet', is referenced in method request: /pets/POST");
  }

  @Test
  void modelsReferenceEachOtherAndGenerateTemplates() {
    aws.createModel(r -> r.restApiId(apiId).name("Pet").contentType("application/json").schema(PET));
    String ref = "https://apigateway.amazonaws.com/restapis/" + apiId + "/models/Pet";
    aws.createModel(r -> r.restApiId(apiId).name("Pets").contentType("application/json")
        .schema("{\"type\":\"array\",\"items\":{\"$ref\":\"" + ref + "\"}}"));

    assertThat(aws.getModel(r -> r.restApiId(apiId).modelName("Pets").flatten(true)).schema())
        .doesNotContain("$ref").contains("\"required\":[\"name\"]");
    String template = aws.getModelTemplate(r -> r.restApiId(apiId).modelName("Pets")).value();
    assertThat(template).startsWith("#set($inputRoot = $input.path('$'))")
        .contains("#foreach($elem in $inputRoot)")
        .contains("\"name\" : \"$elem.name\"")
        .contains("\"age\" : $elem.age");
    assertThatThrownBy(() -> aws.deleteModel(r -> r.restApiId(apiId).modelName("Pet")))
        .isInstanceOf(ConflictException.class).hasMessageContaining("referenced in model: Pets");
  }
}
