package dev.archway.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.StringJoiner;

/**
 * Builds the SigV4 canonical request from what arrived on the wire, the way AWS services and the
 * AWS CLI/SDKs do for every service but S3.
 *
 * <p>Why not re-sign with the SDK's {@code AwsV4HttpSigner}: it always adds an
 * {@code x-amz-content-sha256} header and signs it, while the AWS CLI, boto3, the Go and JS SDKs
 * neither send nor sign that header for API Gateway; it offers no way to leave it out, so it
 * cannot reproduce their signatures. Tests check this class against requests signed by both SDK
 * signers and against AWS's published test-suite vectors.
 */
final class CanonicalRequest {
  private CanonicalRequest() {}

  /**
   * The canonical request: method, URI, query, headers, signed-header list, payload hash.
   *
   * @param headers one canonical {@code name:value} line per signed header, in SignedHeaders order
   */
  static String of(SignedRequest request, String signedHeadersLine, List<String> headers, String payloadHash) {
    StringBuilder canonical = new StringBuilder(256)
        .append(request.method()).append('\n')
        .append(uri(request.rawPath())).append('\n')
        .append(query(request.rawQuery())).append('\n');
    for (String header : headers) {
      canonical.append(header).append('\n');
    }
    return canonical.append('\n')
        .append(signedHeadersLine).append('\n')
        .append(payloadHash)
        .toString();
  }

  /**
   * Dot segments and empty segments removed (as AWS and botocore normalise), then the raw path
   * encoded once more: clients sign the already-encoded path encoded again, so {@code %3A} is
   * signed as {@code %253A}.
   */
  static String uri(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : rawPath.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        segments.pollLast();
      } else {
        segments.addLast(segment);
      }
    }
    StringBuilder uri = new StringBuilder(rawPath.length() + 16);
    for (String segment : segments) {
      uri.append('/').append(encode(segment));
    }
    if (uri.length() == 0 || rawPath.endsWith("/")) {
      uri.append('/');
    }
    return uri.toString();
  }

  /**
   * Each {@code name=value} pair decoded, re-encoded strictly (so {@code a b}, {@code a%20b} and
   * {@code a+b} come out as clients signed them), then sorted by name, then value.
   */
  static String query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
    }
    // Sort on the encoded forms (byte order, as the spec says): by name, then by value.
    pairs.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
    StringJoiner query = new StringJoiner("&");
    for (String[] pair : pairs) {
      query.add(pair[0] + "=" + pair[1]);
    }
    return query.toString();
  }

  /** {@code name:value} with the value trimmed and runs of spaces collapsed; repeats joined by ','. */
  static String header(String name, List<String> values) {
    StringBuilder line = new StringBuilder(name).append(':');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(values.get(i).trim().replaceAll("[ \\t]+", " "));
    }
    return line.toString();
  }

  /** RFC 3986 percent-encoding of everything but the unreserved characters, upper-case hex. */
  static String encode(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder encoded = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return encoded.toString();
  }

  /** Percent-decoding only ('+' stays '+', as SigV4 clients mean it); malformed input is kept as sent. */
  static String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      int c = value.codePointAt(i);
      if (c != '%') {
        bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c) - 1;
        continue;
      }
      int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
      int lo = hi >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
      if (lo < 0) {
        return value;
      }
      bytes.write(hi << 4 | lo);
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
