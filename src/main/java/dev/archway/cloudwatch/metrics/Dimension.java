package dev.archway.cloudwatch.metrics;

/** One dimension of a metric, in CloudWatch's words. */
public record Dimension(String name, String value) {}
