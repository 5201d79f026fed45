package dev.archway.mapping;

import com.fasterxml.jackson.core.JacksonException;
import dev.archway.model.Json;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code $util} in a mapping template: the six functions AWS documents, nothing more (AWS renders an
 * unknown function as nothing, and so do we). Strings are UTF-8. Public only because Velocity invokes
 * it by reflection; stateless, so one instance serves every render.
 */
public final class UtilVariable {
  static final UtilVariable INSTANCE = new UtilVariable();

  private UtilVariable() {}

  /**
   * {@code $util.escapeJavaScript(s)}: JavaScript string escaping as Apache Commons Lang's
   * {@code StringEscapeUtils.escapeJavaScript}, which is what AWS documents: {@code '} becomes
   * {@code \'} (not valid JSON, as the AWS guide warns), {@code "}, {@code \} and {@code /} are
   * escaped, control and non-ASCII characters become {@code \\uXXXX}.
   */
  public String escapeJavaScript(Object value) {
    if (value == null) {
      return null;
    }
    String s = TextOf.value(value, Budget.current());
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '/' -> out.append("\\/");
        case '\b' -> out.append("\\b");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            TextOf.unicode(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    Budget.current().spendWork(out.length());
    return out.toString();
  }

  /** {@code $util.parseJson(s)}: the JSON text as objects a template can navigate, like {@code $input.path}. */
  public Object parseJson(String json) {
    if (json == null) {
      return null;
    }
    Budget.current().spendWork(json.length());
    try {
      return JsonValues.of(Json.MAPPER.readTree(json));
    } catch (JacksonException e) {
      throw new TemplateRuntimeException("$util.parseJson: not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /** {@code $util.urlEncode(s)}: application/x-www-form-urlencoded, so a space becomes {@code +}. */
  public String urlEncode(String s) {
    return s == null ? null : spent(URLEncoder.encode(s, StandardCharsets.UTF_8));
  }

  /** {@code $util.urlDecode(s)}: the reverse of {@link #urlEncode}; {@code +} becomes a space. */
  public String urlDecode(String s) {
    if (s == null) {
      return null;
    }
    try {
      return spent(URLDecoder.decode(s, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new TemplateRuntimeException("$util.urlDecode: malformed input (" + e.getMessage() + ")");
    }
  }

  /** {@code $util.base64Encode(s)}: standard base64 of the UTF-8 bytes. */
  public String base64Encode(Object value) {
    if (value == null) {
      return null;
    }
    String s = TextOf.value(value, Budget.current());
    return spent(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code $util.base64Decode(s)}: the UTF-8 text of standard (or MIME) base64. */
  public String base64Decode(String s) {
    if (s == null) {
      return null;
    }
    try {
      return spent(new String(Base64.getMimeDecoder().decode(s), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new TemplateRuntimeException("$util.base64Decode: not base64 (" + e.getMessage() + ")");
    }
  }

  private static String spent(String result) {
    Budget.current().spendWork(result.length());
    return result;
  }

  @Override
  public String toString() {
    return "$util";
  }
}
