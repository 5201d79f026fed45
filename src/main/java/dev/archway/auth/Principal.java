package dev.archway.auth;

/**
 * What a verified request says about its caller: the access key, and the region and service of
 * its credential scope. {@code accountId} is null when the caller's key has no account of its own
 * (always so in dev mode): use the server's default account.
 */
public record Principal(String accessKeyId, String region, String service, String accountId) {}
