package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.PatchOperation;
import dev.archway.model.v2.Stage.RouteSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of the AWS model that Archway does not serve yet, all in one place: when a feature
 * lands, delete its lines here (and its row in the README's compatibility tables). Each setting is
 * either
 * <ul>
 *   <li><b>refused</b> (400 BadRequestException "... is not supported by Archway yet") when serving
 *       without it would do the opposite of what was asked: a clone would be empty, a client
 *       certificate would not be sent; or
 *   <li><b>accepted with a WARN line</b> naming what is ignored, when AWS tools set it routinely and
 *       serving without it answers the same requests the same way (compression, a WebSocket API's
 *       execution logs): stored and returned, so Terraform and CloudFormation see no drift.
 * </ul>
 */
public final class Unserved {
  private static final Logger LOG = LoggerFactory.getLogger(Unserved.class);

  private Unserved() {}

  /** 400: {@code what} is not supported by Archway yet. */
  public static ApiException refusal(String what) {
    return ApiException.badRequest(what + " is not supported by Archway yet");
  }

  // --- Refused --------------------------------------------------------------------------------

  /** UpdateStage: a client certificate. */
  static void stagePatch(List<PatchOperation> ops) {
    for (PatchOperation op : ops) {
      if ("/clientCertificateId".equals(op.path()) && !"remove".equals(op.op())) {
        clientCertificate(op.value());
      }
    }
  }

  /** Client certificates cannot be generated here, so no stage can name one. */
  public static void clientCertificate(String clientCertificateId) {
    if (clientCertificateId != null && !clientCertificateId.isEmpty()) {
      throw refusal("clientCertificateId (client certificates)");
    }
  }

  /** CreateRestApi: the clone would be an empty API. */
  static void cloneFrom(String cloneFrom) {
    if (cloneFrom != null) {
      throw refusal("cloneFrom");
    }
  }


  // --- Accepted with a warning ----------------------------------------------------------------

  /** Collects the ignored settings one request sets, and logs them in one WARN line. */
  public static final class Ignored {
    private final String resource;
    private final List<String> settings = new ArrayList<>();

    /** @param resource what the request writes, e.g. {@code "stage dev of REST API a1b2c3"} */
    public Ignored(String resource) {
      this.resource = resource;
    }

    /** HTTP API route settings: execution logs and data traces (throttles and detailed metrics are served). */
    public Ignored routeSettings(String key, RouteSettings settings) {
      if (settings == null) {
        return this;
      }
      return add(Boolean.TRUE.equals(settings.dataTraceEnabled()), key + ".dataTraceEnabled")
          .add(settings.loggingLevel() != null && !"OFF".equals(settings.loggingLevel()), key + ".loggingLevel");
    }

    /** HTTP API route settings by route key. */
    public Ignored routeSettings(Map<String, RouteSettings> byRoute) {
      if (byRoute != null) {
        byRoute.forEach((key, settings) -> routeSettings("routeSettings." + key, settings));
      }
      return this;
    }

    /** Response compression. */
    public Ignored compression(Integer minimumCompressionSize) {
      return add(minimumCompressionSize != null, "minimumCompressionSize");
    }

    /** The default endpoint cannot be switched off: it is how Archway serves every API. */
    public Ignored executeApiEndpoint(Boolean disabled) {
      return add(Boolean.TRUE.equals(disabled), "disableExecuteApiEndpoint");
    }

    /** Backend TLS options: certificates are always verified, for the host name called. */
    public Ignored tls(boolean set) {
      return add(set, "tlsConfig");
    }

    /** UpdateRestApi: compression and the default endpoint. */
    public Ignored restApiPatch(List<PatchOperation> ops) {
      for (PatchOperation op : ops) {
        boolean sets = !"remove".equals(op.op());
        add(sets && "/minimumCompressionSize".equals(op.path()) && op.value() != null && !op.value().isEmpty(),
            "minimumCompressionSize");
        add(sets && "/disableExecuteApiEndpoint".equals(op.path()) && "true".equalsIgnoreCase(op.value()),
            "disableExecuteApiEndpoint");
      }
      return this;
    }

    /** UpdateIntegration (REST): backend TLS options. */
    public Ignored integrationPatch(List<PatchOperation> ops) {
      for (PatchOperation op : ops) {
        add(!"remove".equals(op.op()) && op.path() != null && op.path().startsWith("/tlsConfig")
            && "true".equalsIgnoreCase(op.value()), "tlsConfig");
      }
      return this;
    }

    /** Logs one WARN line when the request set any of them. */
    public void warn() {
      if (!settings.isEmpty()) {
        LOG.warn("{}: stored, not applied (not supported by Archway yet): {}", resource,
            String.join(", ", settings.stream().distinct().toList()));
      }
    }

    private Ignored add(boolean set, String setting) {
      if (set) {
        settings.add(setting);
      }
      return this;
    }
  }
}
