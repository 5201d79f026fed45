package dev.archway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DESIGN.md's dependency direction, checked on the sources: the runtime never reaches into the store or the control plane. */
class DependencyDirectionTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/archway");

  /** package -> packages it must not import. */
  private static final Map<String, List<String>> FORBIDDEN = Map.of(
      "model", List.of("store", "control", "deploy", "runtime", "integration", "auth"),
      "store", List.of("control", "deploy", "runtime", "integration"),
      "runtime", List.of("store", "control", "deploy"),
      "integration", List.of("store", "control", "deploy"),
      "auth", List.of("store", "control", "deploy"),
      "deploy", List.of("control"),
      "cache", List.of("store", "control", "deploy", "runtime", "integration", "auth"),
      "mapping", List.of("store", "control", "deploy", "runtime", "integration", "auth"),
      // apply and export reach a server through its management API only
      "delivery", List.of("store", "deploy", "runtime", "websocket", "cloudwatch"));

  @Test
  void packagesImportOnlyDownward() throws IOException {
    List<String> violations = new ArrayList<>();
    for (var rule : FORBIDDEN.entrySet()) {
      Path dir = SOURCES.resolve(rule.getKey());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          for (String line : Files.readAllLines(file)) {
            for (String banned : rule.getValue()) {
              if (line.startsWith("import dev.archway." + banned + ".") || line.startsWith("import static dev.archway." + banned + ".")) {
                violations.add(file + ": " + line);
              }
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
