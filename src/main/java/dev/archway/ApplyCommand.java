package dev.archway;

import dev.archway.delivery.Apply;
import dev.archway.delivery.DeliveryException;
import dev.archway.delivery.DeliveryFile;
import dev.archway.delivery.ManagementClient;
import dev.archway.delivery.Plan;
import dev.archway.delivery.UsageMistake;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Brings APIs on a running Archway to what files declare: each FILE an OpenAPI definition with x-archway"
        + " (API type and id, stages, usage plans and API keys), as `archway export` writes it. Only what changed is"
        + " written; a stage is deployed only when what it serves differs from the file.")
public final class ApplyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ManagementOptions management;

  @Option(names = "--dry-run", description = "Print what would change and write nothing")
  boolean dryRun;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "OpenAPI files (JSON or YAML) with x-archway")
  List<Path> files;

  /** Where credentials and API key values (${NAME}) are read from: the process's environment, or a test's. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() {
    List<DeliveryFile> read;
    try {
      read = Apply.read(files, environment);
    } catch (UsageMistake e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (ManagementClient client = management.client(spec, environment)) {
      Apply.run(client, management.region(environment), read, new Plan(spec.commandLine().getOut(), dryRun));
      return 0;
    } catch (DeliveryException e) {
      spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
      return 1;
    }
  }
}
