package dev.archway.control.v2;

import dev.archway.config.PublicUrl;
import dev.archway.model.v2.HttpApi;

/**
 * The {@code apiEndpoint} of v2 APIs. AWS answers {@code https://{apiId}.execute-api.{region}.amazonaws.com};
 * Archway answers {@code --public-url} with the API's id (and the execute listener's port) filled in,
 * by default {@code http://{apiId}.execute-api.localhost:{port}} ({@code ws://} for WebSocket APIs).
 */
public record ApiEndpoints(PublicUrl url) {

  public String of(HttpApi api) {
    return url.endpoint(api.apiId(), !api.isHttp());
  }

  /** The API as the wire shows it: with its endpoint. */
  public HttpApi render(HttpApi api) {
    return api.withEndpoint(of(api));
  }
}
