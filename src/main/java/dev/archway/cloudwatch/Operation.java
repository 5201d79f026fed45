package dev.archway.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.Caller;

/**
 * One operation of a service: the validated input tree (awsJson member names) in, the output tree
 * (or null for an empty answer) out. Runs on a worker thread: it may block on the store or disk.
 */
@FunctionalInterface
public interface Operation {
  JsonNode handle(Caller caller, JsonNode input);
}
