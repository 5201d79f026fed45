package dev.archway.runtime;

/**
 * What a WebSocket event adds to its request log for access logs: {@code $context.connectionId},
 * {@code $context.eventType} ({@code CONNECT}, {@code MESSAGE}, {@code DISCONNECT}),
 * {@code $context.messageId} (null but for messages) and {@code $context.connectedAt} (epoch ms).
 */
public record WebSocketEvent(String connectionId, String eventType, String messageId, long connectedAt) {}
