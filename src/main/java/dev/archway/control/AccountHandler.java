package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.PatchRules;
import dev.archway.model.Account;
import dev.archway.model.ThrottleSettings;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.List;
import java.util.Set;

/**
 * GetAccount and UpdateAccount. As on AWS the account throttle is not patchable: only the
 * CloudWatch role and the features list are. It is the server's --account-throttle (AWS's 10,000 rps,
 * burst 5,000 unless raised, as a service-quota increase raises it on AWS).
 */
final class AccountHandler {
  private static final String ID = "account";
  private static final Set<String> FEATURES = Set.of("UsagePlans");
  private static final PatchRules RULES = PatchRules.builder()
      .string("cloudwatchRoleArn").stringList("features")
      .build();

  private final Store store;
  private final ThrottleSettings throttle;

  AccountHandler(Store store, ThrottleSettings throttle) {
    this.store = store;
    this.throttle = throttle;
  }

  Object get(Call call) {
    return enforced(store.read(docs -> docs.get(Kind.ACCOUNT, call.caller().scope(), ID).orElseGet(Account::defaults)));
  }

  /** The account as stored, with the throttle the data plane enforces. */
  private Account enforced(Account account) {
    return new Account(account.cloudwatchRoleArn(), throttle, account.features(), account.apiKeyVersion());
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
      return enforced(updated);
    });
  }
}
