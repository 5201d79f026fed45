package dev.archway.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The optional {@code --config} file: YAML, nested or with dotted keys, for settings that do not
 * fit a flag. Known keys:
 *
 * <pre>
 * lambda:
 *   endpoint: http://localhost:9001          # default Lambda Invoke API
 *   endpoints:
 *     eu-west-1: http://localhost:9002       # per region of the function ARN
 * aws:
 *   endpoints:
 *     sqs: http://localhost:4566             # AWS service integrations by signing name
 * sns:
 *   topics:
 *     arn:aws:sns:us-east-1:000000000000:alerts: https://hooks.example.com/cw   # where alarm notifications go
 * cognito:
 *   issuers:
 *     us-east-1_AbC123: http://localhost:9400/realms/dev   # the iss of this user pool's tokens
 * </pre>
 *
 * An unknown key is an error, so a typo fails the start instead of silently doing nothing.
 */
public final class ConfigFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String LAMBDA_ENDPOINT = "lambda.endpoint";
  private static final String LAMBDA_REGION = "lambda.endpoints.";
  private static final String AWS_SERVICE = "aws.endpoints.";
  private static final String COGNITO_ISSUER = "cognito.issuers.";
  private static final String SNS_TOPIC = "sns.topics.";

  private ConfigFile() {}

  /** @throws IllegalArgumentException naming the file and the bad key or value */
  public static Endpoints endpoints(Path file) {
    Map<String, String> flat = flatten(file);
    URI lambda = null;
    Map<String, URI> regions = new TreeMap<>();
    Map<String, URI> services = new TreeMap<>();
    Map<String, URI> issuers = new TreeMap<>();
    Map<String, URI> topics = new TreeMap<>();
    for (Map.Entry<String, String> entry : flat.entrySet()) {
      String key = entry.getKey();
      String where = "--config " + file + ": " + key;
      if (key.equals(LAMBDA_ENDPOINT)) {
        lambda = Endpoints.uri(where, entry.getValue());
      } else if (key.startsWith(LAMBDA_REGION) && key.length() > LAMBDA_REGION.length()) {
        regions.put(key.substring(LAMBDA_REGION.length()), Endpoints.uri(where, entry.getValue()));
      } else if (key.startsWith(AWS_SERVICE) && key.length() > AWS_SERVICE.length()) {
        services.put(key.substring(AWS_SERVICE.length()), Endpoints.uri(where, entry.getValue()));
      } else if (key.startsWith(COGNITO_ISSUER) && key.length() > COGNITO_ISSUER.length()) {
        issuers.put(key.substring(COGNITO_ISSUER.length()), Endpoints.uri(where, entry.getValue()));
      } else if (key.startsWith(SNS_TOPIC) && key.length() > SNS_TOPIC.length()) {
        topics.put(key.substring(SNS_TOPIC.length()), Endpoints.uri(where, entry.getValue()));
      } else {
        throw new IllegalArgumentException("--config " + file + ": unknown key " + key + " (expected: " + LAMBDA_ENDPOINT + ", "
            + LAMBDA_REGION + "<region>, " + AWS_SERVICE + "<service>, " + COGNITO_ISSUER + "<user pool id> or " + SNS_TOPIC
            + "<topic ARN>)");
      }
    }
    try {
      return new Endpoints(lambda, regions, services, issuers, topics);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--config " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, String> flatten(Path file) {
    JsonNode root;
    try {
      root = Files.size(file) == 0 ? null : YAML.readTree(Files.readString(file));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("--config " + file + ": not valid YAML (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("--config " + file + ": " + OsReason.of(e) + " (expected: a readable YAML file)", e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (root == null || root.isNull() || root.isMissingNode()) {
      return out;
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("--config " + file + ": top level is " + root.getNodeType() + " (expected: a mapping)");
    }
    flatten(file, "", root, out);
    return out;
  }

  private static void flatten(Path file, String prefix, JsonNode node, Map<String, String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = prefix + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        flatten(file, key + ".", value, out);
      } else if (value.isValueNode() && !value.isNull()) {
        out.put(key, value.asText());
      } else {
        throw new IllegalArgumentException("--config " + file + ": " + key + " is " + value.getNodeType()
            + " (expected: a mapping or a single value)");
      }
    }
  }
}
