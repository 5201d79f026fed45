/** Records of the apigatewayv2 resource model (HTTP and WebSocket APIs), member names as on the wire. */
package dev.archway.model.v2;
