package dev.archway.cloudwatch.logs;

/**
 * A log stream as stored. {@code id} names its events in the segments, so a stream deleted and
 * created again under the same name starts empty, as on AWS.
 */
public record LogStream(String logStreamName, long creationTime, String id) {}
