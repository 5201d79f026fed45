package dev.archway;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code archway} command line. */
@Command(
    name = "archway",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.class,
    description = "A self-hosted API gateway that speaks AWS API Gateway.",
    subcommands = {ServeCommand.class, VersionCommand.class})
public final class Main {
  public static void main(String[] args) {
    int code = new CommandLine(new Main()).execute(args);
    flushLogs();
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Writes the log lines still queued for the console (logback.xml queues them): call before the JVM exits. */
  static void flushLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.stop();
    }
  }
}
