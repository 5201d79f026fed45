package dev.archway.cloudwatch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Request bodies as the operations read them: CloudWatch's model asks clients to gzip large
 * PutMetricData bodies ({@code requestcompression}), and botocore and the AWS SDKs do so past
 * 10 KB ({@code Content-Encoding: gzip}). Inflated with a bound, so a small bomb cannot become a
 * large body.
 */
final class RequestBodies {
  private RequestBodies() {}

  static byte[] decoded(String contentEncoding, byte[] body, long maxBytes) {
    if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.trim().equalsIgnoreCase("identity")) {
      return body;
    }
    if (!contentEncoding.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
      throw AwsServiceException.badRequest("SerializationException",
          "Content-Encoding " + contentEncoding + " is not supported (expected: gzip or none)");
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(32, body.length * 4));
      byte[] chunk = new byte[8192];
      for (int n; (n = in.read(chunk)) > 0; ) {
        if (out.size() + n > maxBytes) {
          throw new AwsServiceException(413, "RequestEntityTooLarge", "Request body larger than " + maxBytes + " bytes once inflated");
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw AwsServiceException.badRequest("SerializationException", "The gzip request body cannot be inflated");
    }
  }
}
