package dev.archway.model;

/**
 * A key of a usage plan. Stored with only {@code id} and {@code type}; the name and value are
 * the API key's, joined in when answering, so a renamed key shows its new name.
 */
public record UsagePlanKey(String id, String type, String value, String name) {}
