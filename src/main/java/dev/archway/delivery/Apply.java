package dev.archway.delivery;

import dev.archway.delivery.Declaration.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code archway apply}: every file is read and checked first (nothing is written when one is
 * wrong), then each is applied in the order given, through the management API only.
 */
public final class Apply {
  private Apply() {}

  /** @throws UsageMistake when a file is wrong, or two files declare the same API or usage plan */
  public static List<DeliveryFile> read(List<Path> paths, Map<String, String> env) {
    List<DeliveryFile> files = new ArrayList<>();
    Map<String, Path> apis = new HashMap<>();
    Map<String, Path> plans = new HashMap<>();
    for (Path path : paths) {
      DeliveryFile file = DeliveryFile.read(path, env);
      Declaration declared = file.declaration();
      String api = declared.type() + " API " + (declared.id() != null ? "id " + declared.id() : "named " + file.title());
      once(apis, api, path);
      declared.usagePlans().keySet().forEach(plan -> once(plans, "usage plan " + plan, path));
      files.add(file);
    }
    return files;
  }

  private static void once(Map<String, Path> seen, String what, Path path) {
    Path first = seen.putIfAbsent(what, path);
    if (first != null) {
      throw new UsageMistake(path + ": the " + what + " is also declared by " + first + " (expected: each in one file)");
    }
  }

  public static void run(ManagementClient client, String region, List<DeliveryFile> files, Plan plan) {
    for (DeliveryFile file : files) {
      if (file.declaration().type() == Type.REST) {
        new RestApiDelivery(client, plan, region).apply(file);
      } else {
        new HttpApiDelivery(client, plan, region).apply(file);
      }
    }
    plan.summary();
  }
}
