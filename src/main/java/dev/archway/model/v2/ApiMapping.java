package dev.archway.model.v2;

/** Maps a path of a custom domain name to a stage of an API (stored and returned; not served yet). */
public record ApiMapping(String apiId, String apiMappingId, String apiMappingKey, String stage) {}
