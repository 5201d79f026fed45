package dev.archway.auth;

import java.util.Objects;

/**
 * One access key from the credentials file. {@code accountId} is the 12-digit AWS account the key
 * acts for, or null when the file names none (the server's default account applies).
 */
public record Credential(String accessKeyId, String secretAccessKey, String accountId) {
  public Credential {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
  }

  /** Never print the secret: records put every component in toString() by default. */
  @Override
  public String toString() {
    return "Credential[accessKeyId=" + accessKeyId + ", accountId=" + accountId + "]";
  }
}
