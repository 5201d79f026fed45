package dev.archway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archway.delivery.Declaration.Type;
import org.junit.jupiter.api.Test;

/** What apply compares a file's definition with an export on, and how it says where they differ. */
class DefinitionsTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  private static ObjectNode yaml(String text) throws Exception {
    return (ObjectNode) YAML.readTree(text);
  }

  @Test
  void aHandWrittenRestDefinitionEqualsItsExport() throws Exception {
    ObjectNode file = yaml("""
        openapi: 3.0.1
        info: {title: pets, version: '1'}
        tags: [{name: team, x-amazon-apigateway-tag-value: a}]
        paths:
          /pets:
            get:
              summary: List pets
              responses: {'200': {description: OK}}
              x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'http://b/pets'}
          /dogs:
            get:
              x-amazon-apigateway-integration: {type: mock}
        x-archway: {type: REST}
        """);
    ObjectNode export = yaml("""
        openapi: 3.0.1
        info: {title: pets, version: '1'}
        servers:
        - url: http://a1.execute-api.localhost:8080/{basePath}
          variables: {basePath: {default: /dev}}
          x-amazon-apigateway-endpoint-configuration: {types: [EDGE], ipAddressType: ipv4, disableExecuteApiEndpoint: false}
        tags: [{name: team, x-amazon-apigateway-tag-value: b}]
        paths:
          /: {}
          /pets:
            get:
              responses: {'200': {description: 200 response}}
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: 'http://b/pets'
                connectionType: INTERNET
                passthroughBehavior: when_no_match
                timeoutInMillis: 29000
          /dogs:
            get:
              responses: {}
              x-amazon-apigateway-integration: {type: mock, passthroughBehavior: when_no_match, timeoutInMillis: 29000}
        components:
          schemas:
            Empty: {title: Empty Schema, type: object}
            Error: {title: Error Schema, type: object, properties: {message: {type: string}}}
        x-amazon-apigateway-api-key-source: HEADER
        """);
    assertThat(Definitions.differences(Definitions.comparable(file, Type.REST), Definitions.comparable(export, Type.REST), 5)).isEmpty();
  }

  @Test
  void aSwaggerDefinitionEqualsItsExportAndItsMediaTypesCountWhereTheyNameModels() throws Exception {
    ObjectNode file = yaml("""
        swagger: '2.0'
        info: {title: sw, version: '1'}
        basePath: /v1
        produces: [application/json]
        paths:
          /hello:
            get:
              summary: says hello
              responses: {'200': {description: OK}}
              x-amazon-apigateway-integration: {type: mock}
          /pets:
            post:
              parameters: [{name: Pet, in: body, schema: {$ref: '#/definitions/Pet'}}]
              responses: {'200': {description: OK, schema: {$ref: '#/definitions/Pet'}}}
              x-amazon-apigateway-integration: {type: mock}
        definitions:
          Pet: {type: object}
        """);
    ObjectNode export = yaml("""
        swagger: '2.0'
        info: {title: sw, version: '1'}
        host: sw.execute-api.localhost:8080
        basePath: /dev
        schemes: [http]
        paths:
          /: {}
          /hello:
            get:
              responses: {'200': {description: 200 response}}
              x-amazon-apigateway-integration: {type: mock, passthroughBehavior: when_no_match, timeoutInMillis: 29000}
          /pets:
            post:
              produces: [application/json]
              parameters: [{name: Pet, in: body, schema: {$ref: '#/definitions/Pet'}}]
              responses: {'200': {description: 200 response, schema: {$ref: '#/definitions/Pet'}}}
              x-amazon-apigateway-integration: {type: mock, passthroughBehavior: when_no_match, timeoutInMillis: 29000}
        definitions:
          Empty: {title: Empty Schema, type: object}
          Error: {title: Error Schema, type: object, properties: {message: {type: string}}}
          Pet: {type: object}
        """);
    ObjectNode comparable = Definitions.comparable(export, Type.REST);
    assertThat(Definitions.differences(Definitions.comparable(file, Type.REST), comparable, 5)).isEmpty();
    file.put("consumes", file.arrayNode().add("application/xml"));
    assertThat(Definitions.differences(Definitions.comparable(file, Type.REST), comparable, 5))
        .containsExactly("/paths/~1pets/post/consumes");
  }

  @Test
  void whatAnEndpointConfigurationSaysBeyondTheDefaultsCounts() throws Exception {
    ObjectNode regional = yaml("""
        servers: [{url: 'http://x/{basePath}', x-amazon-apigateway-endpoint-configuration: {types: [REGIONAL]}}]
        """);
    ObjectNode edge = yaml("servers: [{url: 'http://y/{basePath}'}]");
    assertThat(Definitions.differences(Definitions.comparable(regional, Type.REST), Definitions.comparable(edge, Type.REST), 5))
        .containsExactly("/servers");
  }

  @Test
  void sharedHttpIntegrationsCompareByWhatTheyAreNotByTheirIds() throws Exception {
    String template = """
        paths:
          /a: {get: {x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/ID'}}}
          /b: {get: {x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/ID'}}}
        components:
          x-amazon-apigateway-integrations:
            ID: {type: http_proxy, uri: 'http://b/x', payloadFormatVersion: '1.0'}
        x-amazon-apigateway-importexport-version: '1.0'
        """;
    ObjectNode one = Definitions.comparable(yaml(template.replace("ID", "abc1234")), Type.HTTP);
    ObjectNode other = Definitions.comparable(yaml(template.replace("ID", "zz99xy0")), Type.HTTP);
    assertThat(one).isEqualTo(other);
    assertThat(one.has("components")).isFalse();
    assertThat(one.at("/paths/~1a/get/x-amazon-apigateway-integration/uri").asText()).isEqualTo("http://b/x");
  }

  @Test
  void differencesArePointersInDocumentOrderAndNumbersCompareByValue() throws Exception {
    ObjectNode a = yaml("{paths: {/a~b: {get: {x: 1}}, /c: {}}, rate: 100, list: [1, 2]}");
    ObjectNode b = yaml("{paths: {/a~b: {get: {x: 2}}}, rate: 100.0, list: [1]}");
    assertThat(Definitions.differences(a, b, 10)).containsExactly("/list/1", "/paths/~1a~0b/get/x", "/paths/~1c");
    assertThat(Definitions.differences(a, b, 1)).containsExactly("/list/1");
    assertThat(Definitions.same(a.get("rate"), b.get("rate"))).isTrue();
  }

  @Test
  void theFingerprintIgnoresMemberOrderButNotValues() throws Exception {
    String one = Definitions.fingerprint(yaml("{info: {title: a, version: '1'}, paths: {}}"));
    assertThat(Definitions.fingerprint(yaml("{paths: {}, info: {version: '1', title: a}}"))).isEqualTo(one).hasSize(64);
    assertThat(Definitions.fingerprint(yaml("{info: {title: b, version: '1'}, paths: {}}"))).isNotEqualTo(one);
  }
}
