package dev.archway.integration;

import static dev.archway.integration.BackendCalls.await;
import static dev.archway.integration.BackendCalls.body;
import static dev.archway.integration.BackendCalls.causes;
import static dev.archway.integration.BackendCalls.failure;
import static dev.archway.integration.BackendCalls.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.File;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTPS backends: the chain and the host name are verified, a trusted backend is reused like any other. */
class HttpProxyIntegrationTlsTest {
  static Vertx vertx;
  static CountingServer localhost;
  static CountingServer otherHost;
  static SelfSignedCertificate localhostCertificate;
  static SelfSignedCertificate otherHostCertificate;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    localhostCertificate = SelfSignedCertificate.create("localhost");
    otherHostCertificate = SelfSignedCertificate.create("backend.example");
    localhost = CountingServer.start(vertx, tls(localhostCertificate), request -> request.response().end("secret"));
    otherHost = CountingServer.start(vertx, tls(otherHostCertificate), request -> request.response().end("secret"));
  }

  @AfterAll
  static void stop() {
    localhostCertificate.delete();
    otherHostCertificate.delete();
    await(vertx.close());
  }

  @Test
  void backendWithATrustedCertificateForItsNameAnswersOverOneConnection() throws Exception {
    HttpProxyIntegration http = HttpProxyIntegration.create(vertx, trusting(localhostCertificate));
    try {
      String url = "https://localhost:" + localhost.port() + "/";
      assertThat(body(await(http.send(get(url), 20_000)))).isEqualTo("secret");
      assertThat(body(await(http.send(get(url), 20_000)))).isEqualTo("secret");
      assertThat(localhost.accepted()).isEqualTo(1);
    } finally {
      await(http.close());
    }
  }

  @Test
  void selfSignedCertificateIsNotTrustedByDefault() {
    HttpProxyIntegration http = HttpProxyIntegration.create(vertx);
    try {
      Throwable untrusted = failure(http.send(get("https://localhost:" + localhost.port() + "/"), 20_000));
      assertThat(causes(untrusted)).anyMatch(SSLException.class::isInstance);
      assertThat(untrusted).isNotInstanceOf(BackendTimeoutException.class);
    } finally {
      await(http.close());
    }
  }

  @Test
  void trustedCertificateForAnotherHostNameIsRefused() throws Exception {
    HttpProxyIntegration http = HttpProxyIntegration.create(vertx, trusting(otherHostCertificate));
    try {
      Throwable wrongName = failure(http.send(get("https://localhost:" + otherHost.port() + "/"), 20_000));
      assertThat(causes(wrongName)).anyMatch(SSLException.class::isInstance)
          .anyMatch(t -> t instanceof CertificateException && t.getMessage().contains("localhost"));
    } finally {
      await(http.close());
    }
  }

  private static HttpServerOptions tls(SelfSignedCertificate certificate) {
    return new HttpServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions());
  }

  private static SslContext trusting(SelfSignedCertificate certificate) throws SSLException {
    return SslContextBuilder.forClient().trustManager(new File(certificate.certificatePath()))
        .endpointIdentificationAlgorithm("HTTPS").build();
  }
}
