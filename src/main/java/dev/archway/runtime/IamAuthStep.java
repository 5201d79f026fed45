package dev.archway.runtime;

import dev.archway.auth.Principal;
import dev.archway.auth.SigV4Verifier;
import dev.archway.auth.SignatureException;
import dev.archway.auth.SignedRequest;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An AWS_IAM method: the request must carry a SigV4 signature for {@code execute-api}, verified
 * against the keys of {@code --credentials} with AWS's messages (403 Missing Authentication Token
 * when unsigned, InvalidSignatureException for a bad signature or a clock skew over 5 minutes,
 * UnrecognizedClientException for an unknown key). Without {@code --credentials} (dev mode) any
 * well-formed signature passes: the key, the signature and the clock are not checked.
 */
public final class IamAuthStep implements Step {
  private final SigV4Verifier verifier;

  /** @param verifier expects the service {@code execute-api} */
  public IamAuthStep(SigV4Verifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers().entries());
    SignedRequest signed = new SignedRequest(request.httpMethod(), wirePath(exchange), request.rawQuery(), headers,
        request.body().getBytes());
    try {
      Principal principal = verifier.verify(signed);
      exchange.caller(principal);
      return Future.succeededFuture();
    } catch (SignatureException e) {
      GatewayResponse response = e.errorType().equals("MissingAuthenticationTokenException")
          ? new GatewayResponse.MissingAuthenticationToken()
          : new GatewayResponse.InvalidSignature(e.errorType(), e.getMessage());
      return Future.failedFuture(response.failure());
    }
  }

  /**
   * The path the client signed: the whole URL path as sent, rebuilt from the stage and the path
   * after it the way {@link InvokeTarget} split it (host style, else path style).
   */
  static String wirePath(Exchange exchange) {
    String host = exchange.methodRequest().headers().get("Host");
    CompiledStage stage = exchange.stage();
    String path = exchange.methodRequest().path();
    boolean hostStyle = host != null && host.toLowerCase(Locale.ROOT).indexOf(".execute-api.") > 0;
    return hostStyle
        ? "/" + stage.stageName() + path
        : "/restapis/" + stage.apiId() + "/" + stage.stageName() + "/_user_request_" + path;
  }

  @Override
  public String toString() {
    return "IamAuth(" + verifier + ")";
  }
}
