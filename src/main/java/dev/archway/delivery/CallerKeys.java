package dev.archway.delivery;

import dev.archway.auth.Credential;
import dev.archway.auth.CredentialsFile;
import dev.archway.integration.AwsSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The key and region {@code apply} and {@code export} sign with, found where the AWS CLI finds them:
 * {@code --profile}, else {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}, else the profile
 * {@code AWS_PROFILE} (or {@code default}) of the shared-credentials file ({@code AWS_SHARED_CREDENTIALS_FILE},
 * else {@code ~/.aws/credentials}); with none of them, a dev-mode key (Archway without {@code --credentials}
 * accepts any). The region: {@code --region}, else {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code us-east-1}.
 * A session token is not sent: Archway's keys have none.
 */
public record CallerKeys(AwsSigner signer, String region) {
  /** @throws IllegalArgumentException naming the profile or file that cannot be used (a usage error) */
  public static CallerKeys resolve(Map<String, String> env, String profileOption, String regionOption) {
    String region = first(regionOption, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1");
    String accessKey = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (profileOption == null && notBlank(accessKey) && notBlank(secret)) {
      return new CallerKeys(new AwsSigner(accessKey, secret), region);
    }
    String profile = first(profileOption, env.get("AWS_PROFILE"), env.get("AWS_DEFAULT_PROFILE"), null);
    Path file = notBlank(env.get("AWS_SHARED_CREDENTIALS_FILE")) ? Path.of(env.get("AWS_SHARED_CREDENTIALS_FILE"))
        : Path.of(first(env.get("HOME"), System.getProperty("user.home"), null, ".")).resolve(".aws").resolve("credentials");
    if (!Files.isRegularFile(file)) {
      if (profile == null) {
        return new CallerKeys(AwsSigner.DUMMY, region);
      }
      throw new IllegalArgumentException("profile " + profile + ": " + file + " does not exist (expected: a shared-credentials"
          + " file there or at AWS_SHARED_CREDENTIALS_FILE)");
    }
    Credential credential = profiles(file).get(profile == null ? "default" : profile);
    if (credential == null) {
      throw new IllegalArgumentException("profile " + (profile == null ? "default" : profile) + ": not found in " + file);
    }
    return new CallerKeys(new AwsSigner(credential.accessKeyId(), credential.secretAccessKey()), region);
  }

  private static Map<String, Credential> profiles(Path file) {
    try {
      return CredentialsFile.profiles(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  private static String first(String a, String b, String c, String fallback) {
    return notBlank(a) ? a : notBlank(b) ? b : notBlank(c) ? c : fallback;
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}
