package dev.archway.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the keys strict mode accepts from a file in the AWS shared-credentials format, so the
 * same file can serve the AWS CLI and Archway:
 *
 * <pre>
 * # comment            ; comment
 * [default]
 * aws_access_key_id = AKIA...
 * aws_secret_access_key = ...
 * aws_account_id = 123456789012     (optional; the server's default account otherwise)
 * </pre>
 *
 * Other keys (aws_session_token, region...) are ignored. Key names are case-insensitive, as in
 * botocore. Inline comments are not supported: a secret may contain '#' or ';'.
 */
public final class CredentialsFile {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private CredentialsFile() {}

  /**
   * @return the credentials keyed by access key id, in file order
   * @throws IllegalArgumentException naming the file, the line and what is wrong
   */
  public static Map<String, Credential> parse(Path file) throws IOException {
    return read(file).byAccessKey();
  }

  /**
   * The same credentials keyed by profile name, in file order: what a client signing with
   * {@code AWS_PROFILE} reads ({@code archway apply}).
   *
   * @throws IllegalArgumentException naming the file, the line and what is wrong
   */
  public static Map<String, Credential> profiles(Path file) throws IOException {
    return read(file).byProfile();
  }

  private record Keys(Map<String, Credential> byAccessKey, Map<String, Credential> byProfile) {}

  private static Keys read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    Map<String, Integer> profileLines = new HashMap<>();
    Map<String, String> current = null;

    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]") || line.length() < 3) {
          throw error(file, lineNo, "malformed profile header " + line + " (expected: [name])");
        }
        String name = line.substring(1, line.length() - 1).strip();
        if (profiles.containsKey(name)) {
          throw error(file, lineNo, "profile [" + name + "] appears twice (first on line "
              + profileLines.get(name) + ")");
        }
        current = new HashMap<>();
        profiles.put(name, current);
        profileLines.put(name, lineNo);
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw error(file, lineNo, "expected key = value or [profile], got: " + line);
      }
      if (current == null) {
        throw error(file, lineNo, "key outside any [profile] section");
      }
      String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(eq + 1).strip();
      if (value.isEmpty()) {
        throw error(file, lineNo, key + " has no value");
      }
      current.put(key, value);
    }

    if (profiles.isEmpty()) {
      throw new IllegalArgumentException(file + ": no [profile] with credentials");
    }
    Map<String, Credential> byAccessKey = new LinkedHashMap<>();
    Map<String, Credential> byProfile = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, String>> profile : profiles.entrySet()) {
      String name = profile.getKey();
      int lineNo = profileLines.get(name);
      Map<String, String> keys = profile.getValue();
      String accessKeyId = require(file, lineNo, name, keys, "aws_access_key_id");
      String secret = require(file, lineNo, name, keys, "aws_secret_access_key");
      String accountId = keys.get("aws_account_id");
      if (accountId != null && !ACCOUNT_ID.matcher(accountId).matches()) {
        throw error(file, lineNo, "profile [" + name + "] aws_account_id: " + accountId + " (expected: 12 digits)");
      }
      if (byAccessKey.containsKey(accessKeyId)) {
        throw error(file, lineNo, "profile [" + name + "] reuses aws_access_key_id " + accessKeyId);
      }
      Credential credential = new Credential(accessKeyId, secret, accountId);
      byAccessKey.put(accessKeyId, credential);
      byProfile.put(name, credential);
    }
    return new Keys(byAccessKey, byProfile);
  }

  private static String require(Path file, int lineNo, String profile, Map<String, String> keys, String key) {
    String value = keys.get(key);
    if (value == null) {
      throw error(file, lineNo, "profile [" + profile + "] has no " + key);
    }
    return value;
  }

  private static IllegalArgumentException error(Path file, int lineNo, String what) {
    return new IllegalArgumentException(file + ":" + lineNo + ": " + what);
  }
}
