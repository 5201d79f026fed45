package dev.archway;

import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The {@code archway} command line. */
@Command(
    name = "archway",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.class,
    description = "A self-hosted API gateway that speaks AWS API Gateway.",
    subcommands = {ServeCommand.class, ApplyCommand.class, ExportCommand.class, VersionCommand.class})
public final class Main {
  /** Commands whose stdout is their result (a plan, a document), so their log lines go to stderr. */
  private static final Set<String> SCRIPTS = Set.of("apply", "export");

  public static void main(String[] args) {
    if (args.length > 0 && SCRIPTS.contains(args[0])) {
      System.setProperty("archway.log.target", "System.err"); // read by logback.xml, before anything logs
    }
    int code = commandLine().execute(args);
    flushLogs();
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * The command line with Archway's error handling: a mistake in the flags, the environment or a
   * file, and a start the machine refuses, print one line on stderr, {@code archway serve: <what>},
   * and exit 2 (usage) or 1 (runtime). Only an unexpected failure prints a stack trace.
   */
  static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /**
   * The command line with {@code environment} in place of the process's for what {@code apply} and
   * {@code export} read from it (credentials, region, API key values): how tests run them in-process.
   */
  public static CommandLine commandLine(Map<String, String> environment) {
    CommandLine cli = new CommandLine(new Main())
        .setParameterExceptionHandler(Main::usageError)
        .setExecutionExceptionHandler(Main::startFailure);
    cli.getSubcommands().get("apply").<ApplyCommand>getCommand().environment = environment;
    cli.getSubcommands().get("export").<ExportCommand>getCommand().environment = environment;
    return cli;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + e.getMessage());
    return cli.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static int startFailure(Exception e, CommandLine cli, ParseResult parsed) throws Exception {
    if (!(e instanceof StartFailure failure)) {
      throw e; // a bug, not a mistake: picocli prints the stack trace, exit code 1
    }
    cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + failure.getMessage());
    return failure.exitCode();
  }

  /** Writes the log lines still queued for the console (logback.xml queues them): call before the JVM exits. */
  static void flushLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.stop();
    }
  }
}
