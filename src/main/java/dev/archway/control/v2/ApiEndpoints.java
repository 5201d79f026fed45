package dev.archway.control.v2;

import dev.archway.model.v2.HttpApi;

/**
 * The {@code apiEndpoint} of v2 APIs. AWS answers {@code https://{apiId}.execute-api.{region}.amazonaws.com};
 * Archway answers the host-style URL of its own execute listener, {@code http://{apiId}.execute-api.localhost:{port}}
 * ({@code ws://} for WebSocket APIs): {@code *.localhost} resolves to loopback on most systems, and the
 * execute listener routes on the {@code {apiId}.execute-api.} host prefix whatever follows it.
 */
public record ApiEndpoints(int executePort) {

  public String of(HttpApi api) {
    String scheme = api.isHttp() ? "http" : "ws";
    return scheme + "://" + api.apiId() + ".execute-api.localhost:" + executePort;
  }

  /** The API as the wire shows it: with its endpoint. */
  public HttpApi render(HttpApi api) {
    return api.withEndpoint(of(api));
  }
}
