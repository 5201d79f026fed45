package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.archway.testing.Browser.eventually;

import dev.archway.Archway;
import dev.archway.config.Settings;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.Browser;
import dev.archway.testing.CloudWatchClients;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import software.amazon.awssdk.regions.Region;

/**
 * With {@code --credentials} the console asks for an access key and secret once, then signs its
 * calls in the browser with SigV4 (WebCrypto): a wrong secret is refused by the server's verifier,
 * the right one shows the account's APIs, log groups and alarms, and signing out forgets it.
 */
@Timeout(120)
class ConsoleSignInE2eTest {
  @TempDir static Path dir;
  static Archway archway;
  static Browser browser;
  static String keyValue;

  @BeforeAll
  static void start() throws Exception {
    Path credentials = Files.writeString(dir.resolve("credentials"), """
        [default]
        aws_access_key_id = AKIACONSOLE
        aws_secret_access_key = s3cr3t/with+odd=chars
        aws_account_id = 111122223333
        """);
    archway = Archway.start(Settings.forTests(dir.resolve("data")).withCredentialsFile(credentials));
    try (var aws = ArchwayServer.client(archway.adminPort(), Region.US_EAST_1, "AKIACONSOLE", "s3cr3t/with+odd=chars");
         var logs = CloudWatchClients.logs(archway.adminPort(), "AKIACONSOLE", "s3cr3t/with+odd=chars")) {
      aws.createRestApi(r -> r.name("signed-api"));
      keyValue = aws.createApiKey(r -> r.name("k").value("consolekeyvalue0123456789abc")).value();
      logs.createLogGroup(r -> r.logGroupName("/signed/group"));
    }
    browser = Browser.open(archway.adminPort());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    archway.close();
  }

  @Test
  void signsInWithAnAccessKeyAndSignsEveryCall() {
    browser.open("apis");
    browser.awaitReady("signin");
    browser.screenshot("sign-in");
    signIn("AKIACONSOLE", "wrong");
    eventually().untilAsserted(() -> assertThat(browser.text()).contains("InvalidSignatureException: The request signature we calculated does not match"));
    assertThat(browser.errors()).isNotEmpty(); // the refused call, as the browser logs it

    signIn("AKIACONSOLE", "s3cr3t/with+odd=chars");
    browser.awaitReady("apis");
    assertThat(browser.text()).contains("signed-api");
    assertThat(browser.find(By.id("who")).getText()).contains("AKIACONSOLE");
    browser.page("logs");
    assertThat(browser.text()).contains("/signed/group"); // CloudWatch Logs, signed for "logs"
    browser.page("alarms");
    assertThat(browser.text()).contains("No alarms."); // CloudWatch, signed for "monitoring"
    browser.page("usage");
    browser.find(By.cssSelector("button.show-key")).click(); // GetApiKey?includeValue=true: a signed query
    eventually().untilAsserted(() -> assertThat(browser.find(By.cssSelector(".key-value")).getText()).isEqualTo(keyValue));
    assertThat(browser.errors()).isEmpty();

    browser.find(By.id("signout")).click();
    browser.awaitReady("signin");
    assertThat(browser.driver().executeScript("return sessionStorage.length")).isEqualTo(0L);
  }

  private static void signIn(String key, String secret) {
    var form = browser.find(By.id("signin"));
    form.findElement(By.name("accessKeyId")).clear();
    form.findElement(By.name("accessKeyId")).sendKeys(key);
    form.findElement(By.name("secretAccessKey")).clear();
    form.findElement(By.name("secretAccessKey")).sendKeys(secret);
    form.findElement(By.cssSelector("button[type=submit]")).click();
  }
}
