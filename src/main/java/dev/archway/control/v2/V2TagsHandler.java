package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.TagMaps;
import dev.archway.model.v2.DomainName;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Stage;
import dev.archway.store.Documents;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TagResource, UntagResource, GetTags on v2 API, stage and domain-name ARNs. */
final class V2TagsHandler {
  private static final Pattern ARN = Pattern.compile(
      "arn:aws[a-z-]*:apigateway:([a-z0-9-]+)::/(?:apis/([^/]+)(?:/stages/([^/]+))?|domainnames/([^/]+))");

  private final Store store;

  V2TagsHandler(Store store) {
    this.store = store;
  }

  record TagRequest(Map<String, String> tags) {}

  record Tags(Map<String, String> tags) {}

  /** TagResource answers 201 with an empty object. */
  Object tag(Call call) {
    Map<String, String> added = call.bodyAs(TagRequest.class).tags();
    if (added == null) {
      throw ApiException.badRequest("tags is required");
    }
    Checks.tags(added);
    edit(call, tags -> {
      Map<String, String> merged = TagMaps.merged(tags, added);
      Checks.tags(merged);
      return merged;
    });
    return Map.of();
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
    String raw = call.label("resource_arn");
    Matcher arn = ARN.matcher(raw);
    if (!arn.matches() || !arn.group(1).equals(call.caller().region())) {
      throw ApiException.badRequest("Invalid resource ARN: " + Checks.abbreviate(raw));
    }
    String scope = call.caller().scope();
    Function<Documents, Map<String, String>> work = docs -> {
      if (arn.group(4) != null) {
        DomainName domain = DomainNamesHandler.domain(docs, call.caller(), arn.group(4));
        Map<String, String> tags = apply(domain.tags(), change);
        if (change != null) {
          docs.put(V2Kinds.DOMAIN_NAME, scope, domain.domainName(), domain.withTags(tags));
        }
        return tags;
      }
      HttpApi api = V2Drafts.api(docs, call.caller(), arn.group(2));
      if (arn.group(3) == null) {
        Map<String, String> tags = apply(api.tags(), change);
        if (change != null) {
          docs.put(V2Kinds.API, scope, api.apiId(), api.withTags(tags));
        }
        return tags;
      }
      Stage stage = V2Drafts.stage(docs, api.apiId(), arn.group(3));
      Map<String, String> tags = apply(stage.tags(), change);
      if (change != null) {
        docs.put(V2Kinds.STAGE, api.apiId(), stage.stageName(), stage.withTags(tags));
      }
      return tags;
    };
    return change == null ? store.read(work) : store.write(work);
  }

  private static Map<String, String> apply(Map<String, String> tags, UnaryOperator<Map<String, String>> change) {
    Map<String, String> current = tags == null ? Map.of() : tags;
    return change == null ? current : change.apply(current);
  }
}
