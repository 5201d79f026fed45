package dev.archway.control;

import dev.archway.auth.Principal;
import dev.archway.auth.SigV4Verifier;
import dev.archway.auth.SignatureException;
import dev.archway.auth.SignedRequest;
import dev.archway.control.wire.ApiException;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a management request into a {@link Caller}: the region comes from the SigV4 credential
 * scope, the account from the credentials file (or the server default). In dev mode an unsigned
 * request acts in the default account and region, so curl and scripts work without signing.
 */
public final class CallerAuthenticator {
  private final SigV4Verifier verifier;
  private final Caller defaultCaller;

  public CallerAuthenticator(SigV4Verifier verifier, String defaultAccountId, String defaultRegion) {
    this.verifier = verifier;
    this.defaultCaller = new Caller(defaultAccountId, defaultRegion);
  }

  public Caller authenticate(HttpServerRequest request, byte[] body) {
    if (!verifier.strict() && request.getHeader("Authorization") == null) {
      return defaultCaller;
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers().entries());
    SignedRequest signed = new SignedRequest(request.method().name(), request.path(), request.query(), headers, body);
    try {
      Principal principal = verifier.verify(signed);
      String account = principal.accountId() == null ? defaultCaller.accountId() : principal.accountId();
      return new Caller(account, principal.region());
    } catch (SignatureException e) {
      throw new ApiException(e.status(), e.errorType(), e.getMessage());
    }
  }
}
