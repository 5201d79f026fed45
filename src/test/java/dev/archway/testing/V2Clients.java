package dev.archway.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/** AWS SDK clients of the apigatewayv2 management API of a test server (Apache HTTP client: PATCH needs it). */
public final class V2Clients {
  private V2Clients() {}

  public static ApiGatewayV2Client of(ArchwayServer server) {
    return of(server, Region.US_EAST_1);
  }

  public static ApiGatewayV2Client of(ArchwayServer server, Region region) {
    return ApiGatewayV2Client.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + server.adminPort()))
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClient(ApacheHttpClient.create())
        .build();
  }
}
