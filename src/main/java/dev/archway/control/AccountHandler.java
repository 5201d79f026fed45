package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.PatchRules;
import dev.archway.model.Account;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.List;
import java.util.Set;

/**
 * GetAccount and UpdateAccount. As on AWS the account throttle (10,000 rps, burst 5,000) is
 * fixed: only the CloudWatch role and the features list can be patched.
 */
final class AccountHandler {
  private static final String ID = "account";
  private static final Set<String> FEATURES = Set.of("UsagePlans");
  private static final PatchRules RULES = PatchRules.builder()
      .string("cloudwatchRoleArn").stringList("features")
      .build();

  private final Store store;

  AccountHandler(Store store) {
    this.store = store;
  }

  Object get(Call call) {
    return store.read(docs -> docs.get(Kind.ACCOUNT, call.caller().scope(), ID).orElseGet(Account::defaults));
  }

  Object update(Call call) {
    return store.write(docs -> {
      Account account = docs.get(Kind.ACCOUNT, call.caller().scope(), ID).orElseGet(Account::defaults);
      Account patched = Drafts.patch(account, call, RULES, Account.class);
      String role = patched.cloudwatchRoleArn();
      if (role != null && !role.isEmpty() && !role.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}")) {
        throw ApiException.badRequest("The role ARN is not well formed: " + role);
      }
      List<String> features = patched.features() == null ? List.of() : patched.features();
      for (String feature : features) {
        if (!FEATURES.contains(feature)) {
          throw ApiException.badRequest("Invalid feature specified: " + feature + " (expected: UsagePlans)");
        }
      }
      Account updated = new Account(role == null || role.isEmpty() ? null : role, account.throttleSettings(),
          features, account.apiKeyVersion());
      docs.put(Kind.ACCOUNT, call.caller().scope(), ID, updated);
      return updated;
    });
  }
}
