package dev.archway.control.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each op does to the stored document, one resource kind at a time. */
class PatchOperationsTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode doc(String json) {
    try {
      return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  static ObjectNode apply(String json, PatchRules rules, PatchOperation... ops) {
    return PatchOperations.apply(doc(json), List.of(ops), rules);
  }

  static PatchOperation op(String op, String path, String value) {
    return PatchOperation.of(op, path, value);
  }

  @Test
  void replaceSetsAndRemoveDeletesAScalar() {
    ObjectNode api = apply("{'name':'a','description':'old'}", Patchable.REST_API,
        op("replace", "/name", "b"), op("remove", "/description", null));
    assertThat(api).isEqualTo(doc("{'name':'b'}"));
  }

  @Test
  void booleansAndIntegersAreStoredTyped() {
    ObjectNode method = apply("{'authorizationType':'NONE'}", Patchable.METHOD,
        op("replace", "/apiKeyRequired", "TRUE"));
    ObjectNode integration = apply("{'type':'HTTP'}", Patchable.INTEGRATION,
        op("replace", "/timeoutInMillis", "5000"));
    assertThat(method.get("apiKeyRequired").isBoolean()).isTrue();
    assertThat(method.get("apiKeyRequired").booleanValue()).isTrue();
    assertThat(integration.get("timeoutInMillis").isInt()).isTrue();
    assertThat(integration.get("timeoutInMillis").intValue()).isEqualTo(5000);
  }

  @Test
  void anEmptyValueClearsAnInteger() {
    ObjectNode api = apply("{'name':'a','minimumCompressionSize':100}", Patchable.REST_API,
        op("replace", "/minimumCompressionSize", ""));
    assertThat(api).isEqualTo(doc("{'name':'a'}"));
  }

  @Test
  void mapEntriesAreAddedReplacedAndRemoved() {
    ObjectNode stage = apply("{'deploymentId':'d1','variables':{'a':'1','b':'2'}}", Patchable.STAGE,
        op("add", "/variables/c", "3"), op("replace", "/variables/a", "one"),
        op("remove", "/variables/b", null));
    assertThat(stage.get("variables")).isEqualTo(doc("{'a':'one','c':'3'}"));
  }

  @Test
  void removingTheLastEntryDropsTheMapAsAwsOmitsEmptyMaps() {
    ObjectNode stage = apply("{'deploymentId':'d1','variables':{'a':'1'}}", Patchable.STAGE,
        op("remove", "/variables/a", null), op("remove", "/variables/absent", null));
    assertThat(stage).isEqualTo(doc("{'deploymentId':'d1'}"));
  }

  @Test
  void boolMapValuesBecomeBooleans() {
    ObjectNode method = apply("{'authorizationType':'NONE'}", Patchable.METHOD,
        op("add", "/requestParameters/method.request.header.X-Id", "true"),
        op("add", "/requestParameters/method.request.querystring.q", "false"));
    assertThat(method.get("requestParameters")).isEqualTo(
        doc("{'method.request.header.X-Id':true,'method.request.querystring.q':false}"));
  }

  @Test
  void escapedKeysAreUnescaped() {
    ObjectNode response = apply("{}", Patchable.INTEGRATION_RESPONSE,
        op("add", "/responseTemplates/application~1json", "$input.body"),
        op("add", "/responseTemplates/a~0b~01", "tilde"));
    assertThat(response.get("responseTemplates")).isEqualTo(
        doc("{'application/json':'$input.body','a~b~1':'tilde'}"));
  }

  @Test
  void listItemsAreNamedByThePath() {
    ObjectNode api = apply("{'name':'a','binaryMediaTypes':['image/jpeg']}", Patchable.REST_API,
        op("add", "/binaryMediaTypes/image~1png", null),
        op("add", "/binaryMediaTypes/image~1png", null),
        op("remove", "/binaryMediaTypes/image~1jpeg", null));
    assertThat(api.get("binaryMediaTypes")).isEqualTo(JSON.valueToTree(List.of("image/png")));
  }

  @Test
  void replacingAListItemPutsTheNewValueLastAsAwsDoes() {
    ObjectNode api = apply("{'name':'a','binaryMediaTypes':['image/png','text/csv']}",
        Patchable.REST_API, op("replace", "/binaryMediaTypes/image~1png", "image/gif"));
    assertThat(api.get("binaryMediaTypes"))
        .isEqualTo(JSON.valueToTree(List.of("text/csv", "image/gif")));
  }

  @Test
  void listItemsCanBeNamedByIndexOrByValueInTheBareForm() {
    ObjectNode api = apply("{'name':'a','endpointConfiguration':{'types':['EDGE']}}",
        Patchable.REST_API, op("replace", "/endpointConfiguration/types/0", "REGIONAL"),
        op("add", "/endpointConfiguration/vpcEndpointIds", "vpce-1"));
    ObjectNode method = apply("{'authorizationType':'COGNITO_USER_POOLS'}", Patchable.METHOD,
        op("add", "/authorizationScopes", "read"), op("add", "/authorizationScopes", "write"),
        op("remove", "/authorizationScopes", "read"));
    assertThat(api.get("endpointConfiguration"))
        .isEqualTo(doc("{'types':['REGIONAL'],'vpcEndpointIds':['vpce-1']}"));
    assertThat(method.get("authorizationScopes")).isEqualTo(JSON.valueToTree(List.of("write")));
  }

  @Test
  void nestedPathsCreateAndPruneTheirParents() {
    ObjectNode integration = apply("{'type':'HTTP'}", Patchable.INTEGRATION,
        op("replace", "/tlsConfig/insecureSkipVerification", "true"));
    assertThat(integration.get("tlsConfig")).isEqualTo(doc("{'insecureSkipVerification':true}"));
    ObjectNode removed = PatchOperations.apply(integration,
        List.of(op("remove", "/tlsConfig/insecureSkipVerification", null)), Patchable.INTEGRATION);
    assertThat(removed).isEqualTo(doc("{'type':'HTTP'}"));
  }

  @Test
  void copyPromotesACanaryDeployment() {
    ObjectNode stage = apply("{'deploymentId':'d1','canarySettings':{'deploymentId':'d2'}}",
        Patchable.STAGE,
        new PatchOperation("copy", "/deploymentId", null, "/canarySettings/deploymentId"));
    assertThat(stage.get("deploymentId").asText()).isEqualTo("d2");
    assertThat(stage.at("/canarySettings/deploymentId").asText()).isEqualTo("d2");
  }

  @Test
  void copyAndMoveMapEntries() {
    ObjectNode stage = apply("{'deploymentId':'d','variables':{'a':'1','b':'2'}}", Patchable.STAGE,
        new PatchOperation("copy", "/variables/c", null, "/variables/a"),
        new PatchOperation("move", "/variables/d", null, "/variables/b"));
    assertThat(stage.get("variables")).isEqualTo(doc("{'a':'1','c':'1','d':'2'}"));
  }

  @Test
  void copyRetypesForTheTarget() {
    ObjectNode method = apply("{'authorizationType':'NONE','requestParameters':{'p':true}}",
        Patchable.METHOD,
        new PatchOperation("copy", "/apiKeyRequired", null, "/requestParameters/p"));
    assertThat(method.get("apiKeyRequired").isBoolean()).isTrue();
  }

  @Test
  void testPassesWhenTheValueMatches() {
    ObjectNode api = apply("{'name':'a','minimumCompressionSize':10}", Patchable.REST_API,
        op("test", "/name", "a"), op("test", "/minimumCompressionSize", "10"),
        op("replace", "/name", "b"));
    assertThat(api.get("name").asText()).isEqualTo("b");
  }

  @Test
  void noOpsReturnsAnEqualCopy() {
    ObjectNode original = doc("{'description':'x'}");
    ObjectNode patched = PatchOperations.apply(original, List.of(), Patchable.DEPLOYMENT);
    assertThat(patched).isEqualTo(original).isNotSameAs(original);
  }
}
