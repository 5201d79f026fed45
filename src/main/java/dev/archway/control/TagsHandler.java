package dev.archway.control;

import dev.archway.control.v2.DomainNames;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.TagMaps;
import dev.archway.model.RestApi;
import dev.archway.model.Stage;
import dev.archway.model.v2.DomainName;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TagResource, UntagResource, GetTags on REST API, stage and domain-name ARNs. */
final class TagsHandler {
  private static final Pattern ARN = Pattern.compile(
      "arn:aws[a-z-]*:apigateway:([a-z0-9-]+)::/(?:restapis/([^/]+)(?:/stages/([^/]+))?|domainnames/([^/]+))");

  private final Store store;

  TagsHandler(Store store) {
    this.store = store;
  }

  record TagRequest(Map<String, String> tags) {}

  record Tags(Map<String, String> tags) {}

  Object tag(Call call) {
    Map<String, String> added = call.bodyAs(TagRequest.class).tags();
    if (added == null) {
      throw ApiException.badRequest("Tags must not be null");
    }
    added.forEach((k, v) -> {
      if (k.isEmpty() || k.length() > 128 || k.startsWith("aws:") || v == null || v.length() > 256) {
        throw ApiException.badRequest("Invalid tag: " + k + " (expected: a key of 1-128 characters not starting with aws:, a value of up to 256)");
      }
    });
    edit(call, tags -> {
      Map<String, String> merged = TagMaps.merged(tags, added);
      if (merged.size() > 50) {
        throw ApiException.badRequest("Too many tags: " + merged.size() + " (expected: at most 50)");
      }
      return merged;
    });
    return null;
  }

  Object untag(Call call) {
    List<String> keys = call.queryAll("tagKeys");
    edit(call, tags -> TagMaps.without(tags, keys));
    return null;
  }

  Object get(Call call) {
    return new Tags(edit(call, null));
  }

  /** Reads the tags of the ARN's resource and, when {@code change} is given, writes its result back. */
  private Map<String, String> edit(Call call, UnaryOperator<Map<String, String>> change) {
    Matcher arn = ARN.matcher(call.label("resource_arn"));
    if (!arn.matches() || !arn.group(1).equals(call.caller().region())) {
      throw ApiException.badRequest("Invalid resource ARN: " + call.label("resource_arn"));
    }
    String apiId = arn.group(2);
    String stageName = arn.group(3);
    String domainName = arn.group(4);
    var write = (java.util.function.Function<dev.archway.store.Documents, Map<String, String>>) docs -> {
      if (domainName != null) {
        DomainName domain = DomainNames.find(docs, call.caller(), domainName)
            .orElseThrow(() -> ApiException.notFound(DomainNamesHandler.NOT_FOUND));
        Map<String, String> tags = domain.tags() == null ? Map.of() : domain.tags();
        if (change != null) {
          tags = change.apply(tags);
          DomainNames.update(docs, call.caller(), domain.withTags(tags));
        }
        return tags;
      }
      RestApi api = Drafts.api(docs, call.caller(), apiId);
      if (stageName == null) {
        Map<String, String> tags = api.tags() == null ? Map.of() : api.tags();
        if (change != null) {
          tags = change.apply(tags);
          docs.put(Kind.REST_API, call.caller().scope(), apiId, api.withTags(tags));
        }
        return tags;
      }
      Stage stage = docs.get(Kind.STAGE, apiId, stageName)
          .orElseThrow(() -> ApiException.notFound(StagesHandler.NO_SUCH_STAGE));
      Map<String, String> tags = stage.tags() == null ? Map.of() : stage.tags();
      if (change != null) {
        tags = change.apply(tags);
        docs.put(Kind.STAGE, apiId, stageName, stage.withTags(tags));
      }
      return tags;
    };
    return change == null ? store.read(write) : store.write(write);
  }
}
