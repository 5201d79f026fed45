package dev.archway.control.wire;

/**
 * The patchable paths of each API Gateway v1 resource kind, with AWS's JSON member names. Paths
 * not listed here are rejected with "Invalid patch path"; ids, timestamps and anything AWS only
 * lets you change through a dedicated operation (tags, stage method settings) are left out.
 */
public final class Patchable {

  private Patchable() {}

  public static final PatchRules REST_API = PatchRules.builder()
      .requiredString("name").string("description").string("version")
      .string("apiKeySource").string("policy")
      .integer("minimumCompressionSize").bool("disableExecuteApiEndpoint")
      .stringList("binaryMediaTypes")
      .stringList("endpointConfiguration/types").string("endpointConfiguration/ipAddressType")
      .stringList("endpointConfiguration/vpcEndpointIds")
      .build();

  /** AWS answers bad Resource paths with the longer message that lists the valid ones. */
  public static final PatchRules RESOURCE = PatchRules.builder()
      .namingValidPathsInErrors()
      .requiredString("parentId").requiredString("pathPart")
      .build();

  public static final PatchRules METHOD = PatchRules.builder()
      .requiredString("authorizationType").string("authorizerId").bool("apiKeyRequired")
      .string("operationName").string("requestValidatorId")
      .boolMap("requestParameters").stringMap("requestModels")
      .stringList("authorizationScopes")
      .build();

  public static final PatchRules METHOD_RESPONSE = PatchRules.builder()
      .boolMap("responseParameters").stringMap("responseModels")
      .build();

  public static final PatchRules INTEGRATION = PatchRules.builder()
      .requiredString("type").string("httpMethod").string("uri")
      .string("connectionType").string("connectionId").string("credentials")
      .stringMap("requestParameters").stringMap("requestTemplates")
      .string("passthroughBehavior").string("contentHandling").integer("timeoutInMillis")
      .string("cacheNamespace").stringList("cacheKeyParameters")
      .bool("tlsConfig/insecureSkipVerification")
      .build();

  public static final PatchRules INTEGRATION_RESPONSE = PatchRules.builder()
      .string("selectionPattern").string("contentHandling")
      .stringMap("responseParameters").stringMap("responseTemplates")
      .build();

  public static final PatchRules DEPLOYMENT = PatchRules.builder()
      .string("description")
      .build();

  public static final PatchRules STAGE = PatchRules.builder()
      .requiredString("deploymentId").string("description").string("clientCertificateId")
      .stringMap("variables").bool("tracingEnabled").string("documentationVersion")
      .bool("cacheClusterEnabled").string("cacheClusterSize")
      .removableObject("accessLogSettings")
      .string("accessLogSettings/destinationArn").string("accessLogSettings/format")
      .string("canarySettings/deploymentId").number("canarySettings/percentTraffic")
      .bool("canarySettings/useStageCache").stringMap("canarySettings/stageVariableOverrides")
      .build();
}
