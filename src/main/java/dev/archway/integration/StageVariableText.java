package dev.archway.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with {@code ${stageVariables.name}} references (a Lambda function ARN, an AWS service
 * path), split once at deploy time and filled per request from the stage actually hit.
 */
public final class StageVariableText {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");

  private final String source;
  /** Even indexes are literal text, odd ones variable names. */
  private final List<String> parts;

  private StageVariableText(String source, List<String> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  public static StageVariableText parse(String text) {
    List<String> parts = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    int at = 0;
    while (m.find()) {
      parts.add(text.substring(at, m.start()));
      parts.add(m.group(1));
      at = m.end();
    }
    parts.add(text.substring(at));
    return new StageVariableText(text, parts);
  }

  /** An absent variable expands to nothing, as on AWS. */
  public String expand(Map<String, String> stageVariables) {
    if (parts.size() == 1) {
      return source;
    }
    StringBuilder out = new StringBuilder(source.length() + 16);
    for (int i = 0; i < parts.size(); i++) {
      out.append(i % 2 == 0 ? parts.get(i) : stageVariables.getOrDefault(parts.get(i), ""));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
