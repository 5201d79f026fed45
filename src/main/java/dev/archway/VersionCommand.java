package dev.archway;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "version", description = "Prints the Archway version.")
public final class VersionCommand implements Runnable, IVersionProvider {
  @Spec CommandSpec spec;

  static String version() {
    String v = VersionCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"archway " + version()};
  }

  @Override
  public void run() {
    spec.commandLine().getOut().println("archway " + version());
  }
}
