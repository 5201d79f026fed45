package dev.archway.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.awaitility.core.ConditionFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium driven through Debian's {@code chromium-driver} (no browser download): the
 * console's pages as a user sees them, and the errors its console shows.
 */
public final class Browser implements AutoCloseable {
  /** Where screenshots go; the README's come from here (copied under docs/). */
  public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  private final ChromeDriver driver;
  private final String base;

  private Browser(ChromeDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** A browser on the console of the management listener at {@code adminPort}. */
  public static Browser open(int adminPort) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser"));
    // root in CI: no sandbox; small /dev/shm in containers
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1400,1000", "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")))
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    return new Browser(driver, "http://127.0.0.1:" + adminPort);
  }

  private static String firstExisting(String... paths) {
    for (String path : paths) {
      if (new File(path).canExecute()) {
        return path;
      }
    }
    throw new IllegalStateException("not installed: " + String.join(" or ", paths) + " (apt-get install chromium chromium-driver)");
  }

  public ChromeDriver driver() {
    return driver;
  }

  public String base() {
    return base;
  }

  /** Opens {@code /console/#/hash} and waits until the page has rendered (or shown its error). */
  public void page(String hash) {
    open(hash);
    awaitReady(hash.replaceFirst("\\?.*", ""));
  }

  /** Opens {@code /console/#/hash}. */
  public void open(String hash) {
    String url = base + "/console/#/" + hash;
    if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith(base + "/console/")) {
      driver.executeScript("location.hash = arguments[0]", "#/" + hash);
    } else {
      driver.get(url);
    }
  }

  public void awaitReady(String page) {
    eventually().until(() -> page.equals(find(By.id("main")).getAttribute("data-ready")));
  }

  /** Awaitility for what a page shows: elements may not exist yet (then it asks again). */
  public static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30)).ignoreExceptions();
  }

  public WebElement find(By by) {
    return driver.findElement(by);
  }

  public List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  /** The text of the page's main area. */
  public String text() {
    return find(By.id("main")).getText();
  }

  /** What the browser's console logged at SEVERE (errors) since the last call. */
  public List<String> errors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  public void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
