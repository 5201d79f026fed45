package dev.archway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsFileTest {
  @TempDir Path dir;

  Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("credentials"), content);
  }

  @Test
  void readsProfilesWithCommentsAndOptionalAccount() throws IOException {
    Path file = write("""
        # Archway keys
        ; the CLI's own format

        [default]
        aws_access_key_id = AKIADEFAULT
        aws_secret_access_key = secret/with+symbols#and;more
        region = eu-west-3

        [team-b]
        AWS_Access_Key_Id=AKIATEAMB
          aws_secret_access_key=bsecret
        aws_account_id = 210987654321
        aws_session_token = ignored
        """);

    Map<String, Credential> credentials = CredentialsFile.parse(file);

    assertThat(credentials).containsOnlyKeys("AKIADEFAULT", "AKIATEAMB");
    assertThat(credentials.get("AKIADEFAULT"))
        .isEqualTo(new Credential("AKIADEFAULT", "secret/with+symbols#and;more", null));
    assertThat(credentials.get("AKIATEAMB")).isEqualTo(new Credential("AKIATEAMB", "bsecret", "210987654321"));
  }

  @Test
  void secretNeverAppearsInToString() {
    assertThat(new Credential("AKIA", "s3cr3t", null).toString()).doesNotContain("s3cr3t");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(delimiter = '|', value = {
      "[a]\\naws_access_key_id = K\\n| :1: profile [a] has no aws_secret_access_key | missing secret",
      "[a]\\naws_secret_access_key = S\\n| :1: profile [a] has no aws_access_key_id | missing key id",
      "[a]\\naws_access_key_id=K\\naws_secret_access_key=S\\naws_account_id=12345\\n"
          + "| :1: profile [a] aws_account_id: 12345 (expected: 12 digits) | short account id",
      "aws_access_key_id = K\\n| :1: key outside any [profile] section | key before profile",
      "[a]\\njust some words\\n| :2: expected key = value or [profile], got: just some words | no equal sign",
      "[a]\\naws_access_key_id =\\n| :2: aws_access_key_id has no value | empty value",
      "[a\\n| :1: malformed profile header [a (expected: [name]) | unclosed header",
      "[a]\\naws_access_key_id=K\\naws_secret_access_key=S\\n[a]\\n"
          + "| :4: profile [a] appears twice (first on line 1) | duplicate profile",
      "[a]\\naws_access_key_id=K\\naws_secret_access_key=S\\n[b]\\naws_access_key_id=K\\naws_secret_access_key=T\\n"
          + "| :4: profile [b] reuses aws_access_key_id K | duplicate key id",
      "# nothing\\n| : no [profile] with credentials | no profiles",
  })
  void rejectsMalformedFilesNamingFileAndLine(String content, String message, String why) throws IOException {
    Path file = write(content.replace("\\n", "\n"));

    assertThatThrownBy(() -> CredentialsFile.parse(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + message.strip());
  }
}
