package dev.archway.testing;

import dev.archway.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code archway} command line run in-process, as a user runs it, with an environment of the
 * test's (credentials, key values) and its output captured.
 */
public final class ArchwayCli {
  private ArchwayCli() {}

  /** What a run printed and how it ended. */
  public record Run(int exitCode, String stdout, String stderr) {
    public List<String> lines() {
      return stdout.lines().toList();
    }
  }

  public static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(env);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code apply --endpoint-url http://127.0.0.1:<adminPort> <extra...>}. */
  public static Run apply(int adminPort, Map<String, String> env, String... extra) {
    List<String> args = new ArrayList<>(List.of("apply", "--endpoint-url", "http://127.0.0.1:" + adminPort));
    args.addAll(List.of(extra));
    return run(env, args.toArray(String[]::new));
  }

  /** {@code export --endpoint-url http://127.0.0.1:<adminPort> <extra...>}. */
  public static Run export(int adminPort, Map<String, String> env, String... extra) {
    List<String> args = new ArrayList<>(List.of("export", "--endpoint-url", "http://127.0.0.1:" + adminPort));
    args.addAll(List.of(extra));
    return run(env, args.toArray(String[]::new));
  }
}
