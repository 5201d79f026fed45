package dev.archway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every file of the console is in the jar's list (a forgotten one would 404 in the browser), and nothing else. */
class ConsoleAssetsTest {
  @Test
  void theListHoldsEveryFileUnderTheConsoleResources() throws IOException {
    Path root = Path.of("src", "main", "resources", "console");
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')))
          .containsExactlyInAnyOrderElementsOf(ConsoleAssets.FILES);
    }
  }

  @Test
  void everyAssetLoadsWithItsTypeAndUplotComesFromItsWebjar() {
    ConsoleAssets assets = ConsoleAssets.load();
    assertThat(assets.get("index.html").contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(assets.get("js/app.js").contentType()).isEqualTo("text/javascript; charset=utf-8");
    assertThat(new String(assets.get("vendor/uPlot.iife.min.js").bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("uPlot");
    assertThat(assets.get("../pom.xml")).isNull();
  }
}
