package dev.archway.control.wire;

import static dev.archway.control.wire.PatchOperationsTest.doc;
import static dev.archway.control.wire.PatchOperationsTest.op;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Every invalid op is a 400 BadRequestException with AWS's text, and nothing is applied. */
class PatchOperationsRejectionTest {

  static AbstractThrowableAssert<?, ?> rejecting(String json, PatchRules rules,
      PatchOperation... ops) {
    ObjectNode original = doc(json);
    ObjectNode before = original.deepCopy();
    AbstractThrowableAssert<?, ?> thrown =
        assertThatThrownBy(() -> PatchOperations.apply(original, List.of(ops), rules))
            .isInstanceOfSatisfying(ApiException.class, e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errorType()).isEqualTo("BadRequestException");
            });
    assertThat(original).isEqualTo(before);
    return thrown;
  }

  @Test
  void unknownPathUsesAwsGeneralMessage() {
    rejecting("{'name':'a'}", Patchable.REST_API, op("replace", "/foo", "x"))
        .hasMessage("Invalid patch path /foo");
    rejecting("{'name':'a'}", Patchable.REST_API, op("replace", "/binaryMediaTypes", "x"))
        .hasMessage("Invalid patch path /binaryMediaTypes");
    rejecting("{'deploymentId':'d'}", Patchable.STAGE, op("replace", "/variables", "x"))
        .hasMessage("Invalid patch path /variables");
    rejecting("{'deploymentId':'d'}", Patchable.STAGE, op("replace", "/description/x", "x"))
        .hasMessage("Invalid patch path /description/x");
  }

  @Test
  void unknownOrMissingPathOnAResourceNamesTheValidPaths() {
    rejecting("{'pathPart':'a'}", Patchable.RESOURCE, op("replace", "/invalid", "x"))
        .hasMessage("Invalid patch path  '/invalid' specified for op 'replace'. "
            + "Must be one of: [/parentId, /pathPart]");
    rejecting("{'pathPart':'a'}", Patchable.RESOURCE, op("replace", null, "x"))
        .hasMessageStartingWith("Invalid patch path  'null'");
  }

  @Test
  void opNotSupportedOnAPath() {
    rejecting("{'pathPart':'a'}", Patchable.RESOURCE, op("add", "/pathPart", "b"))
        .hasMessage("Invalid patch path  '/pathPart' specified for op 'add'. "
            + "Please choose supported operations");
    rejecting("{'name':'a'}", Patchable.REST_API, op("add", "/description", "d"))
        .hasMessage("Invalid patch operation specified. Must be one of: [replace, remove]");
    rejecting("{'name':'a'}", Patchable.REST_API, op("remove", "/name", null))
        .hasMessage("Invalid patch operation specified. Must be one of: [replace]");
  }

  @Test
  void unknownOrMissingOp() {
    String expected = "Invalid patch operation specified. "
        + "Must be 'add'|'remove'|'replace'|'move'|'copy'|'test'";
    rejecting("{'name':'a'}", Patchable.REST_API, op("set", "/name", "b")).hasMessage(expected);
    rejecting("{'name':'a'}", Patchable.REST_API, op(null, "/name", "b")).hasMessage(expected);
  }

  @Test
  void badValueTypes() {
    rejecting("{}", Patchable.METHOD, op("replace", "/apiKeyRequired", "yes"))
        .hasMessage("Invalid patch value for path /apiKeyRequired: 'yes' (expected: true or false)");
    rejecting("{}", Patchable.METHOD_RESPONSE, op("add", "/responseParameters/h", "1"))
        .hasMessageContaining("'1' (expected: true or false)");
    rejecting("{}", Patchable.INTEGRATION, op("replace", "/timeoutInMillis", "5s"))
        .hasMessage("Invalid patch value for path /timeoutInMillis: '5s' (expected: a whole number)");
    rejecting("{}", Patchable.STAGE, op("replace", "/canarySettings/percentTraffic", "NaN"))
        .hasMessageContaining("(expected: a number)");
  }

  @Test
  void missingValue() {
    rejecting("{}", Patchable.STAGE, op("add", "/variables/a", null))
        .hasMessage("Invalid patch value for path /variables/a: missing (expected: a value for this op)");
    rejecting("{'name':'a'}", Patchable.REST_API, op("replace", "/name", null))
        .hasMessageContaining("missing");
  }

  @Test
  void copyAndMoveNeedAnExistingFrom() {
    rejecting("{}", Patchable.STAGE, new PatchOperation("copy", "/variables/b", null, null))
        .hasMessageContaining("has no 'from'");
    rejecting("{}", Patchable.STAGE,
        new PatchOperation("move", "/variables/b", null, "/variables/a"))
        .hasMessage("Invalid patch path /variables/a: nothing to move from");
    rejecting("{}", Patchable.STAGE, new PatchOperation("copy", "/variables/b", null, "/nope"))
        .hasMessage("Invalid patch path /nope");
    rejecting("{'deploymentId':'d'}", Patchable.STAGE,
        new PatchOperation("move", "/description", null, "/deploymentId"))
        .hasMessage("Invalid patch operation specified. Must be one of: [replace]");
  }

  @Test
  void replacingAMissingListItem() {
    rejecting("{'name':'a','binaryMediaTypes':['a/b']}", Patchable.REST_API,
        op("replace", "/binaryMediaTypes/image~1png", "image/gif"))
        .hasMessage("Invalid patch path /binaryMediaTypes/image~1png: no item 'image/png' to replace");
  }

  @Test
  void failedTest() {
    rejecting("{'name':'a'}", Patchable.REST_API, op("test", "/name", "b"))
        .hasMessage("Patch test failed for path /name: found 'a', expected 'b'");
  }

  @Test
  void aLateFailureLeavesTheInputUntouched() {
    // rejecting() asserts the input is unchanged after earlier ops in the list succeeded
    rejecting("{'deploymentId':'d','variables':{'a':'1'}}", Patchable.STAGE,
        op("replace", "/description", "changed"), op("remove", "/variables/a", null),
        op("replace", "/tracingEnabled", "maybe"));
  }
}
