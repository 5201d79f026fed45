package dev.archway.cloudwatch.monitoring;

/** A dashboard as stored: its name, its body exactly as put, and when it was last put (epoch ms). */
public record Dashboard(String name, String body, long lastModified) {}
