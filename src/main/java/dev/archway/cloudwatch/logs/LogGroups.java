package dev.archway.cloudwatch.logs;

import dev.archway.cloudwatch.AwsServiceException;
import dev.archway.control.Caller;
import dev.archway.store.Store;
import java.util.Optional;

/** Finds log groups and streams the way every Logs operation names them, with AWS's errors when absent. */
final class LogGroups {
  private final Store store;

  LogGroups(Store store) {
    this.store = store;
  }

  static AwsServiceException groupNotFound() {
    return new AwsServiceException(400, "ResourceNotFoundException", "The specified log group does not exist.");
  }

  static AwsServiceException streamNotFound() {
    return new AwsServiceException(400, "ResourceNotFoundException", "The specified log stream does not exist.");
  }

  static AwsServiceException invalid(String message) {
    return AwsServiceException.badRequest("InvalidParameterException", message);
  }

  /** The group named by {@code logGroupName} or {@code logGroupIdentifier} (a name or an ARN); exactly one must be given. */
  LogGroup require(Caller caller, String name, String identifier) {
    if (name != null && identifier != null) {
      throw invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
    }
    if (name == null && identifier == null) {
      throw invalid("Should provide either name or ARN for the log group.");
    }
    return find(caller, name != null ? name : nameOf(caller, identifier)).orElseThrow(LogGroups::groupNotFound);
  }

  Optional<LogGroup> find(Caller caller, String name) {
    return name == null ? Optional.empty() : store.read(docs -> docs.get(LogKinds.GROUP, caller.scope(), name));
  }

  LogStream requireStream(Caller caller, LogGroup group, String streamName) {
    return store.read(docs -> docs.get(LogKinds.STREAM, LogKinds.streamScope(caller.scope(), group.logGroupName()), streamName))
        .orElseThrow(LogGroups::streamNotFound);
  }

  /** A group's name from its ARN ({@code arn:aws:logs:region:account:log-group:name[:*]}) or the name itself. */
  static String nameOf(Caller caller, String identifier) {
    if (!identifier.startsWith("arn:")) {
      return identifier;
    }
    String[] parts = identifier.split(":", 8);
    if (parts.length < 7 || !parts[2].equals("logs") || !parts[5].equals("log-group")) {
      throw invalid("Invalid log group ARN: " + identifier);
    }
    if (!parts[3].equals(caller.region()) || !parts[4].equals(caller.accountId())) {
      throw groupNotFound();
    }
    return parts[6];
  }

  static String arn(Caller caller, String groupName) {
    return "arn:aws:logs:" + caller.region() + ":" + caller.accountId() + ":log-group:" + groupName;
  }
}
