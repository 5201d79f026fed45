package dev.archway.runtime.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

  /** Targets are the route's own "METHOD path", so a failing assertion says which route won. */
  private static RouteTable<String> table(String... routes) {
    RouteTable.Builder<String> builder = RouteTable.builder();
    for (String route : routes) {
      String[] parts = route.split(" ", 2);
      builder.add(parts[1], parts[0], route);
    }
    return builder.build();
  }

  private static String target(RouteTable<String> table, String method, String path) {
    RouteMatch<String> match = table.match(method, path);
    return match == null ? null : match.target();
  }

  @Nested
  class Segments {
    @Test
    void literalWinsOverParamWhichWinsOverGreedy() {
      RouteTable<String> t = table("GET /pets/mine", "GET /pets/{petId}", "GET /pets/{proxy+}");

      assertThat(target(t, "GET", "/pets/mine")).isEqualTo("GET /pets/mine");
      assertThat(target(t, "GET", "/pets/42")).isEqualTo("GET /pets/{petId}");
      assertThat(target(t, "GET", "/pets/42/toys")).isEqualTo("GET /pets/{proxy+}");
    }

    @Test
    void backtracksWhenTheLiteralBranchLeadsNowhere() {
      RouteTable<String> t = table("GET /a/b/c", "GET /{x}/b/d");

      RouteMatch<String> match = t.match("GET", "/a/b/d");

      assertThat(match.target()).isEqualTo("GET /{x}/b/d");
      assertThat(match.resourcePath()).isEqualTo("/{x}/b/d");
      assertThat(match.pathParameters()).containsExactly(Map.entry("x", "a"));
      assertThat(target(t, "GET", "/a/b/c")).isEqualTo("GET /a/b/c");
    }

    @Test
    void backtracksToGreedyWhenParamBranchFails() {
      RouteTable<String> t = table("GET /{id}/info", "GET /{proxy+}");

      assertThat(target(t, "GET", "/7/info")).isEqualTo("GET /{id}/info");
      assertThat(target(t, "GET", "/7/other")).isEqualTo("GET /{proxy+}");
    }

    @Test
    void earlierSegmentsDecideFirst() {
      RouteTable<String> t = table("GET /a/{proxy+}", "GET /{x}/b");

      assertThat(target(t, "GET", "/a/b")).isEqualTo("GET /a/{proxy+}");
    }

    @Test
    void siblingsMayNameTheirParametersDifferently() {
      RouteTable<String> t = table("GET /pets/{id}", "GET /pets/{petId}/toys");

      assertThat(t.match("GET", "/pets/1").pathParameters()).containsExactly(Map.entry("id", "1"));
      assertThat(t.match("GET", "/pets/2/toys").pathParameters())
          .containsExactly(Map.entry("petId", "2"));
    }

    @Test
    void literalsAreCaseSensitive() {
      RouteTable<String> t = table("GET /Pets");

      assertThat(t.match("GET", "/pets")).isNull();
      assertThat(target(t, "GET", "/Pets")).isEqualTo("GET /Pets");
    }
  }

  @Nested
  class Greedy {
    @Test
    void matchesOneOrMoreSegmentsJoinedWithSlash() {
      RouteTable<String> t = table("GET /files/{proxy+}");

      assertThat(t.match("GET", "/files/a").pathParameters()).containsExactly(Map.entry("proxy", "a"));
      RouteMatch<String> deep = t.match("GET", "/files/a/b/c.txt");
      assertThat(deep.pathParameters()).containsExactly(Map.entry("proxy", "a/b/c.txt"));
      assertThat(deep.resourcePath()).isEqualTo("/files/{proxy+}");
    }

    @Test
    void doesNotMatchItsParentPath() {
      RouteTable<String> t = table("ANY /{proxy+}", "GET /files/{proxy+}");

      assertThat(t.match("GET", "/")).isNull();
      assertThat(t.match("GET", "")).isNull();
      // "/files" is not answered by /files/{proxy+}, but /{proxy+} takes it as one segment.
      assertThat(t.match("GET", "/files").target()).isEqualTo("ANY /{proxy+}");
      assertThat(t.match("GET", "/files/").target()).isEqualTo("ANY /{proxy+}");
    }

    @Test
    void remainderIsDecodedWithTheSlashesInsideItKept() {
      RouteTable<String> t = table("GET /{proxy+}");

      // AWS keeps a "//" inside the greedy value; the leading and trailing slashes are not part of it.
      assertThat(t.match("GET", "//a//b/%20c/").pathParameters())
          .containsExactly(Map.entry("proxy", "a//b/ c"));
    }
  }

  @Nested
  class Root {
    @Test
    void rootRouteMatchesEmptySlashAndCollapsedSlashes() {
      RouteTable<String> t = table("GET /", "GET /{proxy+}");

      for (String path : new String[] {"", "/", "//", "///"}) {
        RouteMatch<String> match = t.match("GET", path);
        assertThat(match.target()).as(path).isEqualTo("GET /");
        assertThat(match.resourcePath()).isEqualTo("/");
        assertThat(match.pathParameters()).isEmpty();
      }
    }

    @Test
    void emptyTableMatchesNothing() {
      RouteTable<String> t = RouteTable.<String>builder().build();

      assertThat(t.match("GET", "/")).isNull();
      assertThat(t.match("GET", "/x")).isNull();
      assertThat(t.toString()).isEmpty();
    }
  }

  @Nested
  class Methods {
    @Test
    void explicitMethodWinsOverAny() {
      RouteTable<String> t = table("ANY /pets", "GET /pets");

      assertThat(target(t, "GET", "/pets")).isEqualTo("GET /pets");
      assertThat(target(t, "POST", "/pets")).isEqualTo("ANY /pets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"})
    void anyCoversTheSevenMethods(String method) {
      assertThat(target(table("ANY /x"), method, "/x")).isEqualTo("ANY /x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "CONNECT", "PROPFIND", "get", "Get", "ANY", ""})
    void anyCoversNothingElseAndMethodsAreCaseSensitive(String method) {
      RouteTable<String> t = table("ANY /x", "GET /y");

      assertThat(t.match(method, "/x")).isNull();
      assertThat(t.match(method, "/y")).isNull();
    }

    @Test
    void getDoesNotAnswerHead() {
      RouteTable<String> t = table("GET /pets");

      assertThat(t.match("HEAD", "/pets")).isNull();
    }

    @Test
    void resourceWithoutTheMethodLetsLessSpecificRoutesTry() {
      RouteTable<String> t = table("GET /pets", "GET /pets/{id}", "ANY /{proxy+}");

      assertThat(target(t, "POST", "/pets")).isEqualTo("ANY /{proxy+}");
      assertThat(t.match("POST", "/pets/1").pathParameters())
          .containsExactly(Map.entry("proxy", "pets/1"));
    }

    @Test
    void pathThatExistsWithoutTheMethodIsNoMatch() {
      RouteTable<String> t = table("GET /pets");

      assertThat(t.match("DELETE", "/pets")).isNull();
    }
  }

  @Nested
  class Normalisation {
    @Test
    void trailingAndDoubleSlashesAreIgnored() {
      RouteTable<String> t = table("GET /pets/{id}");

      for (String path : new String[] {"/pets/1", "/pets/1/", "//pets//1", "/pets/1//"}) {
        RouteMatch<String> match = t.match("GET", path);
        assertThat(match).as(path).isNotNull();
        assertThat(match.pathParameters()).containsExactly(Map.entry("id", "1"));
      }
    }

    @Test
    void parametersAreDecodedOnceAsUtf8() {
      RouteTable<String> t = table("GET /p/{v}");

      assertThat(param(t, "/p/a%20b")).isEqualTo("a b");
      assertThat(param(t, "/p/caf%C3%A9")).isEqualTo("café");
      assertThat(param(t, "/p/%F0%9F%90%88")).isEqualTo("\uD83D\uDC08");
      assertThat(param(t, "/p/x%c3%a9y")).isEqualTo("xéy");
      assertThat(param(t, "/p/a+b")).isEqualTo("a+b");
      assertThat(param(t, "/p/a%2Bb")).isEqualTo("a+b");
      assertThat(param(t, "/p/100%25")).isEqualTo("100%");
      assertThat(param(t, "/p/café")).isEqualTo("café");
    }

    private String param(RouteTable<String> t, String path) {
      return t.match("GET", path).pathParameters().get("v");
    }

    @Test
    void literalsAreComparedAfterDecoding() {
      RouteTable<String> t = table("GET /café/menu", "GET /a b");

      assertThat(target(t, "GET", "/caf%C3%A9/menu")).isEqualTo("GET /café/menu");
      assertThat(target(t, "GET", "/a%20b")).isEqualTo("GET /a b");
      assertThat(t.match("GET", "/a+b")).isNull();
    }

    @Test
    void pathParametersAreImmutable() {
      Map<String, String> params = table("GET /{a}").match("GET", "/x").pathParameters();

      assertThatThrownBy(() -> params.put("a", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  class HostilePaths {
    private final RouteTable<String> t = table("GET /{proxy+}", "GET /{a}/{b}");

    @ParameterizedTest
    @ValueSource(strings = {"/a%2Fb", "/a%2fb", "/a%5Cb", "/a%5cb", "/%2F", "/%2e%2e%2Fadmin"})
    void encodedSlashOrBackslash(String path) {
      assertInvalid(path, "encoded slash or backslash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%00", "/%00/b"})
    void encodedNul(String path) {
      assertInvalid(path, "%00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\nb", "/a\rb", "/a\tb", "/a\u0000b", "/a\u007Fb", "/a\u0085b",
        "/a%0Ab", "/a%0d%0a", "/a%7F", "/a%C2%85"})
    void controlCharactersRawOrEncoded(String path) {
      assertInvalid(path, "control character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%zz", "/a%4", "/a%4/b", "/a%", "/%/b", "/a%g0", "/a%0g"})
    void invalidPercentEncoding(String path) {
      assertInvalid(path, "invalid percent-encoding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%FF", "/a%C3", "/a%C3%28", "/%C0%AF", "/%E0%80%AF", "/%ED%A0%80"})
    void invalidUtf8IncludingOverlongSlash(String path) {
      assertInvalid(path, "invalid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.", "/..", "/a/./b", "/a/../b", "/a/..", "/%2e", "/%2E%2E", "/.%2e/x"})
    void dotSegments(String path) {
      assertInvalid(path, "'.' or '..' segment");
    }

    @Test
    void dotsInsideASegmentAreFine() {
      assertThat(t.match("GET", "/a..b/...").pathParameters())
          .containsExactlyInAnyOrderEntriesOf(Map.of("a", "a..b", "b", "..."));
      assertThat(t.match("GET", "/.well-known/x")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\\b", "/admin\\"})
    void rawBackslash(String path) {
      assertInvalid(path, "backslash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin;x=y/action", "/..;foo=bar/admin", "/a%3Bb", "/a%3bb"})
    void semicolonRawOrEncoded(String path) {
      assertThatThrownBy(() -> t.match("GET", path)).isInstanceOf(InvalidPathException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a%252Fb", "/a%252e%252e", "/%2500"})
    void doubleEncoding(String path) {
      assertInvalid(path, "double percent-encoding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a?b=c", "/app/admin#foo"})
    void queryOrFragmentLeftInThePath(String path) {
      assertInvalid(path, "'?' or '#'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pets", "%2Fpets", "*"})
    void pathNotStartingWithSlash(String path) {
      assertInvalid(path, "must start with '/'");
    }

    @Test
    void rejectedEvenWhenNoRouteWouldMatch() {
      RouteTable<String> empty = RouteTable.<String>builder().build();

      assertThatThrownBy(() -> empty.match("TRACE", "/x/%2F")).isInstanceOf(InvalidPathException.class);
    }

    @Test
    void messageNamesTheSegmentButDoesNotEchoThePath() {
      assertThatThrownBy(() -> t.match("GET", "/ok/evil%0A<script>"))
          .hasMessage("control character in path segment 2");
    }

    private void assertInvalid(String path, String problem) {
      assertThatThrownBy(() -> t.match("GET", path))
          .isInstanceOf(InvalidPathException.class)
          .hasMessageContaining(problem);
    }
  }

  @Nested
  class Builder {
    @ParameterizedTest
    @ValueSource(strings = {"/{proxy+}/x", "/a/{proxy+}/{id}", "/{a+}/{b+}"})
    void greedySegmentMustBeLast(String path) {
      assertRejected(path, "GET", path, "to be the last segment");
    }

    @Test
    void samePathAndMethodTwice() {
      RouteTable.Builder<String> b = RouteTable.<String>builder().add("/pets", "GET", "one");

      assertThatThrownBy(() -> b.add("/pets", "GET", "two"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("GET /pets")
          .hasMessageContaining("one route per path and method");
    }

    @Test
    void samePathWithOtherParameterNamesIsTheSameRoute() {
      RouteTable.Builder<String> b = RouteTable.<String>builder()
          .add("/pets/{id}", "GET", "one")
          .add("/files/{proxy+}", "ANY", "two");

      assertThatThrownBy(() -> b.add("/pets/{petId}", "GET", "three"))
          .hasMessageContaining("GET /pets/{petId}").hasMessageContaining("GET /pets/{id}");
      assertThatThrownBy(() -> b.add("/files/{path+}", "ANY", "four"))
          .hasMessageContaining("ANY /files/{path+}");
    }

    @Test
    void samePathWithOtherMethodsIsFine() {
      RouteTable<String> t = table("GET /pets", "POST /pets", "ANY /pets");

      assertThat(target(t, "POST", "/pets")).isEqualTo("POST /pets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "TRACE", "CONNECT", "", "Any"})
    void unknownMethod(String method) {
      assertRejected("/pets", method, method, "one of GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS, ANY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pets", "", "/pets/", "//pets", "/a//b", "/{}", "/{+}", "/pre{id}",
        "/{id}x", "/{a{b}}", "/{id}/{id}", "/.", "/a/.."})
    void malformedResourcePath(String path) {
      assertThatThrownBy(() -> RouteTable.<String>builder().add(path, "GET", "t"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("resourcePath: " + path + " (expected: ");
    }

    @Test
    void nullTargetOrPath() {
      assertThatThrownBy(() -> RouteTable.<String>builder().add("/x", "GET", null))
          .isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> RouteTable.<String>builder().add(null, "GET", "t"))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builtTableDoesNotChangeWhenTheBuilderDoes() {
      RouteTable.Builder<String> b = RouteTable.<String>builder().add("/a", "GET", "a");
      RouteTable<String> first = b.build();
      b.add("/b", "GET", "b");

      assertThat(first.match("GET", "/b")).isNull();
      assertThat(b.build().match("GET", "/b").target()).isEqualTo("b");
    }

    private void assertRejected(String path, String method, String value, String expectation) {
      assertThatThrownBy(() -> RouteTable.<String>builder().add(path, method, "t"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(value)
          .hasMessageContaining(expectation);
    }
  }

  @Test
  void toStringPrintsOneLinePerRouteSortedByPathThenMethod() {
    RouteTable<String> t = table("POST /pets", "GET /pets/{petId}", "GET /", "ANY /{proxy+}",
        "GET /pets");

    assertThat(t.toString()).isEqualTo(String.join("\n",
        "GET /",
        "GET /pets",
        "POST /pets",
        "GET /pets/{petId}",
        "ANY /{proxy+}"));
  }
}
