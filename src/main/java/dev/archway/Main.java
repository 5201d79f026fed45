package dev.archway;

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
    if (code != 0) {
      System.exit(code);
    }
  }
}
