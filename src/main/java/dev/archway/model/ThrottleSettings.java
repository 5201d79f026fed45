package dev.archway.model;

/** A token bucket as AWS names it: {@code rateLimit} requests per second refill a bucket of {@code burstLimit}. */
public record ThrottleSettings(Integer burstLimit, Double rateLimit) {}
