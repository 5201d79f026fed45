package dev.archway.control;

import java.util.List;

/**
 * What {@code /health/ready} tells of a node that shares its store with others: its name, whether
 * the store and Redis answer ({@code redis} null when there is none), and the live nodes.
 */
public record NodeStatus(String nodeId, boolean storeReachable, Boolean redisReachable, List<String> nodes) {}
