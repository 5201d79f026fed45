package dev.archway.integration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Lambda function as the Invoke API names it: the function (a name or an unqualified ARN),
 * the alias or version to call (null for $LATEST) and the region whose endpoint serves it.
 */
public record LambdaFunction(String function, String qualifier, String region) {
  private static final Pattern ARN = Pattern.compile(
      "arn:(aws[a-z-]*):lambda:([a-z]{2}(?:-[a-z]+)+-\\d):(\\d{12}):function:([A-Za-z0-9_-]{1,140})(?::([A-Za-z0-9$_-]{1,128}))?");
  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9_-]{1,140})(?::([A-Za-z0-9$_-]{1,128}))?");

  /**
   * @param arnOrName a function ARN (optionally qualified) or a bare name, as left after stage
   *     variables were substituted
   * @param defaultRegion the region of the integration URI, used when the name carries none
   * @throws IllegalArgumentException naming the value and the expected forms
   */
  public static LambdaFunction parse(String arnOrName, String defaultRegion) {
    Matcher arn = ARN.matcher(arnOrName);
    if (arn.matches()) {
      String unqualified = "arn:" + arn.group(1) + ":lambda:" + arn.group(2) + ":" + arn.group(3) + ":function:" + arn.group(4);
      return new LambdaFunction(unqualified, arn.group(5), arn.group(2));
    }
    Matcher name = NAME.matcher(arnOrName);
    if (name.matches()) {
      return new LambdaFunction(name.group(1), name.group(2), defaultRegion);
    }
    throw new IllegalArgumentException("lambda function: " + arnOrName
        + " (expected: arn:aws:lambda:<region>:<account>:function:<name>[:<alias or version>] or a function name)");
  }

  @Override
  public String toString() {
    return function + (qualifier == null ? "" : ":" + qualifier);
  }
}
