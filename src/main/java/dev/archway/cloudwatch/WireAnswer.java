package dev.archway.cloudwatch;

import java.util.Map;

/** An encoded answer, ready for the wire: status, content type, extra headers and body. */
public record WireAnswer(int status, String contentType, Map<String, String> headers, byte[] body) {}
