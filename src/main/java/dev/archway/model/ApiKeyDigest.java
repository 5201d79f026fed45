package dev.archway.model;

/**
 * The index entry that finds an API key by the SHA-256 of its value (hex, lower case): stored
 * under that digest, so checking a value for uniqueness, and later the runtime's key look-up,
 * compare no secrets byte by byte.
 */
public record ApiKeyDigest(String keyId) {}
