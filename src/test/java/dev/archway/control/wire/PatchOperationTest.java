package dev.archway.control.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

/** Parsing the patchOperations array of an Update* request body. */
class PatchOperationTest {

  static JsonNode body(String json) {
    return PatchOperationsTest.doc(json);
  }

  @Test
  void parsesAllFourMembers() {
    assertThat(PatchOperation.listFrom(body(
        "{'patchOperations':[{'op':'copy','path':'/a','from':'/b'},"
            + "{'op':'replace','path':'/name','value':'x'}]}")))
        .containsExactly(new PatchOperation("copy", "/a", null, "/b"),
            new PatchOperation("replace", "/name", "x", null));
  }

  @Test
  void absentOperationsAreAnEmptyList() {
    assertThat(PatchOperation.listFrom(null)).isEmpty();
    assertThat(PatchOperation.listFrom(NullNode.getInstance())).isEmpty();
    assertThat(PatchOperation.listFrom(MissingNode.getInstance())).isEmpty();
    assertThat(PatchOperation.listFrom(body("{}"))).isEmpty();
    assertThat(PatchOperation.listFrom(body("{'patchOperations':null}"))).isEmpty();
    assertThat(PatchOperation.listFrom(body("{'patchOperations':[]}"))).isEmpty();
  }

  @Test
  void explicitNullMembersAreAbsent() {
    assertThat(PatchOperation.listFrom(body("{'patchOperations':[{'op':'remove','value':null}]}")))
        .containsExactly(new PatchOperation("remove", null, null, null));
  }

  @Test
  void badShapesAreBadRequests() {
    assertThatThrownBy(() -> PatchOperation.listFrom(body("{'patchOperations':{'op':'add'}}")))
        .isInstanceOf(ApiException.class)
        .hasMessage("patchOperations: {\"op\":\"add\"} (expected: an array of patch operations)");
    assertThatThrownBy(() -> PatchOperation.listFrom(body("{'patchOperations':['add']}")))
        .isInstanceOf(ApiException.class)
        .hasMessage("patchOperations[0]: \"add\" (expected: an object with op, path, value, from)");
    assertThatThrownBy(() -> PatchOperation.listFrom(
        body("{'patchOperations':[{'op':'add'},{'op':'replace','path':'/x','value':5}]}")))
        .isInstanceOf(ApiException.class)
        .hasMessage("patchOperations[1].value: 5 (expected: a string)");
    assertThatThrownBy(() -> PatchOperation.listFrom(PatchOperationsTest.JSON.valueToTree("x")))
        .isInstanceOf(ApiException.class)
        .hasMessage("request body: \"x\" (expected: a JSON object)");
  }

  @Test
  void longBadInputIsAbbreviatedInTheMessage() {
    String huge = "x".repeat(500);
    assertThatThrownBy(() -> PatchOperation.listFrom(body("{'patchOperations':'" + huge + "'}")))
        .hasMessageContaining("...")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }
}
