package dev.archway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.openapi.DefinitionOutput;
import dev.archway.delivery.ApiExport;
import dev.archway.delivery.DeliveryException;
import dev.archway.delivery.ManagementClient;
import dev.archway.delivery.UsageMistake;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Writes an API of a running Archway to stdout as YAML that `archway apply` reads back: its OpenAPI"
        + " definition with x-archway (type, id, stages, usage plans and the names of their API keys; never key values).")
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ManagementOptions management;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Api api;

  static final class Api {
    @Option(names = "--rest-api-id", paramLabel = "ID", description = "A REST API") String restApiId;
    @Option(names = "--api-id", paramLabel = "ID", description = "An HTTP API") String apiId;
  }

  @Option(names = "--stage", paramLabel = "S", description = "The stage whose deployment is written."
      + " Default: a REST API's only stage; an HTTP API's draft")
  String stage;

  /** Where credentials are read from: the process's environment, or a test's. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() {
    try (ManagementClient client = management.client(spec, environment)) {
      ApiExport export = new ApiExport(client);
      ObjectNode document = api.restApiId != null ? export.rest(api.restApiId, stage) : export.http(api.apiId, stage);
      spec.commandLine().getOut().print(new String(DefinitionOutput.yaml(document), StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
      return 0;
    } catch (UsageMistake e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    } catch (DeliveryException e) {
      spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
      return 1;
    }
  }
}
