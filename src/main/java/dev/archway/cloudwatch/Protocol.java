package dev.archway.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One of the wire protocols an AWS service model lists (awsJson1_0/1_1, smithy-rpc-v2-cbor,
 * awsquery): how a request body becomes the canonical input tree (the awsJson shape: AWS member
 * names, timestamps as epoch seconds) and how an output tree or an error is written back.
 */
public sealed interface Protocol permits JsonProtocol, CborProtocol, QueryProtocol {

  /** @throws AwsServiceException SerializationException for a body that cannot be read */
  JsonNode read(ServiceModel model, String operation, byte[] body);

  WireAnswer answer(ServiceModel model, String operation, JsonNode output, String requestId);

  WireAnswer error(ServiceModel model, AwsServiceException error, String requestId);
}
