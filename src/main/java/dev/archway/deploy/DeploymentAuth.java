package dev.archway.deploy;

import dev.archway.auth.jwt.JwtConfiguration;
import dev.archway.auth.jwt.JwtValidator;
import dev.archway.auth.policy.MethodArn;
import dev.archway.auth.policy.PolicyDocument;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.model.Authorizer;
import dev.archway.model.DeployedApi;
import dev.archway.model.Method;
import dev.archway.runtime.BinaryMediaTypes;
import dev.archway.runtime.CognitoAuthorizerStep;
import dev.archway.runtime.ConfigurationErrorStep;
import dev.archway.runtime.GuardedMethod;
import dev.archway.runtime.IamAuthStep;
import dev.archway.runtime.IdentitySources;
import dev.archway.runtime.LambdaAuthorizerStep;
import dev.archway.runtime.LinearRegularExpressions;
import dev.archway.runtime.ResourcePolicyStep;
import dev.archway.runtime.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access control of one deployment: its authorizers by id and its parsed resource policy,
 * ready to put each method's steps in front of the rest in AWS order — resource policy, then
 * the authorizer (CUSTOM, COGNITO_USER_POOLS); or the SigV4 check, then the resource policy (AWS_IAM).
 */
final class DeploymentAuth {
  private static final Pattern USER_POOL = Pattern.compile("arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):\\d{12}:userpool/(.+)");
  private static final Pattern HEADER = Pattern.compile("method\\.request\\.header\\.(.+)");

  private final AuthControl parts;
  private final String apiArn;
  private final String accountId;
  private final DeployedApi deployment;
  private final Map<String, Authorizer> authorizers = new HashMap<>();
  private final PolicyDocument policy;

  DeploymentAuth(AuthControl parts, String apiId, String accountId, String region, DeployedApi deployment) {
    this.parts = parts;
    this.apiArn = MethodArn.apiArn(region, accountId, apiId);
    this.accountId = accountId;
    this.deployment = deployment;
    if (deployment.authorizers() != null) {
      deployment.authorizers().forEach(a -> authorizers.put(a.id(), a));
    }
    String text = deployment.api() == null ? null : deployment.api().policy();
    this.policy = text == null || text.isBlank() ? null : PolicyDocument.parse(text, r -> MethodArn.expand(r, apiArn));
  }

  /**
   * The method's resource policy and authorization steps, in AWS order.
   *
   * @throws IllegalArgumentException naming what cannot be served
   */
  List<Step> steps(String resourceId, String path, Method method) {
    String type = method.authorizationType() == null ? "NONE" : method.authorizationType();
    List<Step> steps = new ArrayList<>();
    switch (type) {
      case "NONE" -> policyStep(ResourcePolicyStep.Mode.NONE, steps);
      case "AWS_IAM" -> {
        steps.add(new IamAuthStep(parts.iam()));
        policyStep(ResourcePolicyStep.Mode.IAM, steps);
      }
      case "CUSTOM", "COGNITO_USER_POOLS" -> {
        policyStep(ResourcePolicyStep.Mode.AUTHORIZER, steps);
        steps.add(authorizerStep(resourceId, path, method));
      }
      default -> throw new IllegalArgumentException("authorizationType: " + type
          + " (expected: NONE, AWS_IAM, CUSTOM or COGNITO_USER_POOLS)");
    }
    return steps;
  }

  private void policyStep(ResourcePolicyStep.Mode mode, List<Step> steps) {
    if (policy != null) {
      steps.add(new ResourcePolicyStep(policy, apiArn, accountId, mode));
    }
  }

  Step authorizerStep(String resourceId, String path, Method method) {
    Authorizer authorizer = method.authorizerId() == null ? null : authorizers.get(method.authorizerId());
    if (authorizer == null) {
      throw new IllegalArgumentException("authorizerId: " + method.authorizerId() + " (expected: an authorizer of this deployment)");
    }
    Predicate<String> validation = validation(authorizer.identityValidationExpression());
    if ("COGNITO_USER_POOLS".equals(authorizer.type())) {
      return cognito(authorizer, validation, method.authorizationScopes());
    }
    if (parts.lambda() == null) {
      return new ConfigurationErrorStep("Lambda authorizer " + authorizer.id()
          + " cannot be called: no Lambda endpoint (expected: --lambda-endpoint or lambda.endpoint in --config)");
    }
    int ttl = authorizer.authorizerResultTtlInSeconds() == null ? 300 : authorizer.authorizerResultTtlInSeconds();
    IdentitySources identity = IdentitySources.parse(authorizer.identitySource());
    GuardedMethod guarded = new GuardedMethod(apiArn, accountId, resourceId, path,
        BinaryMediaTypes.of(deployment.api() == null ? null : deployment.api().binaryMediaTypes()));
    LambdaAuthorizerStep.Settings settings = new LambdaAuthorizerStep.Settings(authorizer.id(), authorizer.type(),
        LambdaFunctionUri.parse(authorizer.authorizerUri()), identity,
        "TOKEN".equals(authorizer.type()) ? validation : null,
        // A REQUEST authorizer without identity sources cannot be keyed: AWS allows that only uncached.
        identity.isEmpty() ? Duration.ZERO : Duration.ofSeconds(ttl), guarded);
    return new LambdaAuthorizerStep(settings, parts.lambda(), parts.cache());
  }

  private Step cognito(Authorizer authorizer, Predicate<String> validation, List<String> scopes) {
    if (parts.jwt() == null) {
      return new ConfigurationErrorStep("Cognito authorizer " + authorizer.id() + " cannot validate tokens: no JWT validators");
    }
    Matcher header = HEADER.matcher(authorizer.identitySource() == null ? "" : authorizer.identitySource().trim());
    if (!header.matches()) {
      throw new IllegalArgumentException("identitySource: " + authorizer.identitySource() + " (expected: method.request.header.<name>)");
    }
    Map<String, JwtValidator> byIssuer = new LinkedHashMap<>();
    for (String arn : authorizer.providerARNs() == null ? List.<String>of() : authorizer.providerARNs()) {
      Matcher pool = USER_POOL.matcher(arn);
      if (!pool.matches()) {
        throw new IllegalArgumentException("providerARNs: " + arn + " (expected: arn:aws:cognito-idp:<region>:<account>:userpool/<id>)");
      }
      String issuer = parts.cognitoIssuer(pool.group(1), pool.group(2));
      // REST Cognito authorizers accept tokens of any app client of the pool: no audience check.
      byIssuer.put(issuer, parts.jwt().validator(new JwtConfiguration(issuer, null, List.of(), null)));
    }
    return new CognitoAuthorizerStep(authorizer.id(), header.group(1), validation, byIssuer, scopes);
  }

  /** The whole value must match, in linear time; a value too long for the pattern's matching work is refused. */
  private static Predicate<String> validation(String expression) {
    if (expression == null || expression.isEmpty()) {
      return null;
    }
    Predicate<String> regex = LinearRegularExpressions.fullMatch(expression);
    return value -> {
      try {
        return regex.test(value);
      } catch (LinearRegularExpressions.WorkExceeded e) {
        return false;
      }
    };
  }
}
