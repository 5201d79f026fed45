package dev.archway.mapping;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code $context} for REST API mapping templates: the variables of AWS's "mapping template and access
 * logging variable reference", filled in by the runtime for each request through {@link #builder()}.
 * Immutable; each render gets its own mutable copy, so a template's {@code #set($context.x = ...)}
 * touches only that render. A variable nobody set is absent and renders as nothing, as on AWS.
 *
 * <p>{@code requestOverride} and {@code responseOverride} come from {@link Builder#overrides(Overrides)}
 * and are read back into {@link Rendered#overrides()}.
 */
public final class ContextVariables {
  public static final ContextVariables EMPTY = builder().build();

  /** Names allowed under {@code $context.identity}, from the AWS reference. */
  static final Set<String> IDENTITY = Set.of("accountId", "apiKey", "apiKeyId", "caller", "cognitoAuthenticationProvider",
      "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId", "sourceIp",
      "user", "userAgent", "userArn", "vpceId", "vpcId", "clientCert");

  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final Map<String, Object> values;
  private final Overrides overrides;

  private ContextVariables(Builder builder) {
    this.values = copy(builder.values);
    this.overrides = builder.overrides;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A variable by its dotted name without {@code $context.} ({@code "identity.sourceIp"}), or null; for access logs. */
  public Object get(String name) {
    Object value = values;
    for (String part : name.split("\\.", -1)) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      value = map.get(part);
    }
    return value;
  }

  public Overrides overrides() {
    return overrides;
  }

  /** A fresh mutable tree for one render, overrides included. */
  Map<String, Object> toTemplateMap() {
    Map<String, Object> map = copy(values);
    map.put("requestOverride", overrides.requestTemplateMap());
    map.put("responseOverride", overrides.responseTemplateMap());
    return map;
  }

  private static Map<String, Object> copy(Map<String, Object> source) {
    Map<String, Object> copy = source instanceof ClaimsMap ? new ClaimsMap() : new LinkedHashMap<>();
    source.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> ? copy(cast(value)) : value));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object map) {
    return (Map<String, Object>) map;
  }

  @Override
  public String toString() {
    return "ContextVariables" + values.keySet();
  }

  /**
   * {@code $context.authorizer.claims}: AWS documents that the map itself evaluates to null
   * ({@code $context.authorizer.claims} prints nothing) while {@code .claims.sub} reads a claim.
   */
  static final class ClaimsMap extends HashMap<String, Object> {}

  /** Fills in the variables the runtime knows for a request; every setter is optional. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private Overrides overrides = Overrides.NONE;

    private Builder() {}

    public Builder accountId(String v) { return put("accountId", v); }
    public Builder apiId(String v) { return put("apiId", v); }
    public Builder awsEndpointRequestId(String v) { return put("awsEndpointRequestId", v); }
    public Builder extendedRequestId(String v) { return put("extendedRequestId", v); }
    public Builder httpMethod(String v) { return put("httpMethod", v); }
    /** The request path with the stage: {@code /{stage}/root/child}. */
    public Builder path(String v) { return put("path", v); }
    public Builder protocol(String v) { return put("protocol", v); }
    public Builder requestId(String v) { return put("requestId", v); }
    public Builder resourceId(String v) { return put("resourceId", v); }
    /** The resource template: {@code /root/{id}}. */
    public Builder resourcePath(String v) { return put("resourcePath", v); }
    public Builder stage(String v) { return put("stage", v); }
    public Builder xrayTraceId(String v) { return put("xrayTraceId", v); }
    public Builder isCanaryRequest(boolean v) { return put("isCanaryRequest", v); }

    /** {@code requestTime} in CLF ({@code dd/MMM/yyyy:HH:mm:ss +0000}) and {@code requestTimeEpoch} in milliseconds. */
    public Builder requestTime(Instant time) {
      return requestTime(CLF.format(time), time.toEpochMilli());
    }

    /** {@code requestTime} as already formatted and {@code requestTimeEpoch}. */
    public Builder requestTime(String clf, long epochMillis) {
      put("requestTime", clf);
      return put("requestTimeEpoch", epochMillis);
    }

    /** {@code domainName}, and {@code domainPrefix} as its first label. */
    public Builder domainName(String v) {
      return domainName(v, v == null ? null : v.substring(0, v.indexOf('.') < 0 ? v.length() : v.indexOf('.')));
    }

    public Builder domainName(String name, String prefix) {
      put("domainName", name);
      return put("domainPrefix", prefix);
    }

    public Builder deploymentId(String v) { return put("deploymentId", v); }

    /** One {@code $context.identity.*} variable; the name must be one AWS documents. */
    public Builder identity(String name, String value) {
      if (!IDENTITY.contains(name)) {
        throw new IllegalArgumentException("$context.identity." + name + " (expected one of: " + IDENTITY + ")");
      }
      sub("identity").put(name, value);
      return this;
    }

    public Builder sourceIp(String v) { return identity("sourceIp", v); }
    public Builder userAgent(String v) { return identity("userAgent", v); }

    /**
     * {@code $context.authorizer}: the principal and the authorizer's context map, each value
     * stringified as AWS does ({@code 1} becomes {@code "1"}, {@code true} becomes {@code "true"}).
     */
    public Builder authorizer(String principalId, Map<String, ?> context) {
      Map<String, Object> authorizer = sub("authorizer");
      context.forEach((key, value) -> authorizer.put(key, value == null ? null : String.valueOf(value)));
      authorizer.put("principalId", principalId);
      return this;
    }

    /** {@code $context.authorizer.claims.*} from a Cognito user pool authorizer. */
    public Builder claims(Map<String, ?> claims) {
      ClaimsMap map = new ClaimsMap();
      claims.forEach((key, value) -> map.put(key, value == null ? null : String.valueOf(value)));
      sub("authorizer").put("claims", map);
      return this;
    }

    /** {@code $context.error.*} for gateway response templates; {@code messageString} is the message as a JSON string. */
    public Builder error(String message, String responseType) {
      Map<String, Object> error = sub("error");
      error.put("message", message);
      error.put("messageString", message == null ? null : TextOf.jsonString(message));
      error.put("responseType", responseType);
      return this;
    }

    public Builder validationErrorString(String v) {
      sub("error").put("validationErrorString", v);
      return this;
    }

    public Builder overrides(Overrides v) {
      this.overrides = v == null ? Overrides.NONE : v;
      return this;
    }

    public ContextVariables build() {
      return new ContextVariables(this);
    }

    /** A WebSocket API's variables: {@code connectionId}, {@code routeKey}, {@code eventType}, {@code messageId}... */
    public Builder webSocket(String connectionId, String routeKey, String eventType, String messageId, long connectedAt) {
      put("connectionId", connectionId);
      put("routeKey", routeKey);
      put("eventType", eventType);
      put("messageId", messageId);
      put("messageDirection", "IN");
      return put("connectedAt", connectedAt);
    }

    private Builder put(String name, Object value) {
      values.put(name, value);
      return this;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sub(String name) {
      return (Map<String, Object>) values.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
    }
  }
}
