package dev.archway.cloudwatch;

/** CloudWatch's paging tokens: the position of the next item, opaque to clients. */
public final class PageOffset {
  private PageOffset() {}

  /** @return 0 without a token; @throws AwsServiceException InvalidNextToken for one this service did not write */
  public static int read(String token) {
    if (token == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(token));
    } catch (NumberFormatException e) {
      throw CloudWatchErrors.invalidToken();
    }
  }
}
