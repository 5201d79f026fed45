package dev.archway.store;

/** One committed write, announced on the change feed after its transaction commits. */
public record Change(Kind<?> kind, String scope, String id) {}
