package dev.archway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.model.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The variables and functions AWS documents for mapping templates, and the rendering quirks recorded against AWS. */
class MappingTemplateTest {
  private static final String PETS = """
      {"pets":[{"id":1,"type":"dog","price":249.99},{"id":2,"type":"cat","price":124.99}],"name":"shop","open":true}""";

  private static String render(String template, TemplateInput input) {
    return MappingTemplate.compile(template).render(input).output();
  }

  private static String render(String template, String body) {
    return render(template, TemplateInput.ofBody(body));
  }

  private static TemplateInput request() {
    return new TemplateInput(PETS,
        Map.of("id", "abc"),
        Map.of("name", List.of("first", "last"), "q", List.of("x y")),
        Map.of("Content-Type", List.of("application/json"), "X-Trace", List.of("t1")),
        ContextVariables.builder().apiId("a1b2c3").stage("dev").httpMethod("POST").resourcePath("/things/{id}")
            .path("/dev/things/abc").requestId("req-1").accountId("123456789012").resourceId("r1")
            .protocol("HTTP/1.1").sourceIp("192.0.2.1").userAgent("curl/8").requestTime(Instant.ofEpochMilli(1_700_000_000_123L))
            .domainName("a1b2c3.execute-api.localhost").build(),
        Map.of("env", "test"));
  }

  @Test
  void plainTextIsKnownWithoutRenderingAndIsWhatVelocityRenders() {
    for (String text : List.of("{\"statusCode\": 200}", "", "a \\ backslash\nand lines\r\n", "{\"x\": \"it's 100%\"}")) {
      MappingTemplate template = MappingTemplate.compile(text);
      assertThat(template.constantOutput()).isNotNull();
      assertThat(template.constantOutput().output()).isEqualTo(text).isEqualTo(template.render(request()).output());
      assertThat(template.constantOutput().overrides()).isEqualTo(Overrides.NONE);
    }
    assertThat(MappingTemplate.compile("{\"id\": \"$context.requestId\"}").constantOutput()).isNull();
    assertThat(MappingTemplate.compile("#set($a = 1)").constantOutput()).isNull();
    assertThat(MappingTemplate.compile("## a comment").constantOutput()).isNull();
  }

  @Test
  void bodyIsRawAndAnEmptyBodyIsAnEmptyObject() {
    assertThat(render("$input.body", "{\"a\": 1}")).isEqualTo("{\"a\": 1}");
    assertThat(render("$input.body", "not json")).isEqualTo("not json");
    assertThat(render("$input.body", "")).isEqualTo("{}");
    assertThat(render("$input.json('$')", "")).isEqualTo("{}");
  }

  @Test
  void jsonGivesJsonText() {
    assertThat(render("$input.json('$.pets[0]')", PETS)).isEqualTo("{\"id\":1,\"type\":\"dog\",\"price\":249.99}");
    assertThat(render("$input.json('$.name')", PETS)).isEqualTo("\"shop\"");
    assertThat(render("$input.json('$.pets[*].type')", PETS)).isEqualTo("[\"dog\",\"cat\"]");
    assertThat(render("{\"body\": $input.json('$')}", "{\"a\":[1,2]}")).isEqualTo("{\"body\": {\"a\":[1,2]}}");
  }

  @Test
  void pathGivesNavigableObjectsThatPrintTheAwsWay() {
    // AWS-BEHAVIOUR E: maps print Java-style, lists as JSON
    assertThat(render("$input.path('$')", "{\"a\":1,\"b\":[{\"c\":5}]}")).isEqualTo("{a=1, b=[{\"c\":5}]}");
    assertThat(render("$input.path('$.b')", "{\"a\":1,\"b\":[{\"c\":5}]}")).isEqualTo("[{\"c\":5}]");
    assertThat(render("$input.path('$.a')", "{\"a\":{\"foo\":\"bar\"}}")).isEqualTo("{foo=bar}");
    assertThat(render("$input.path('$.pets').size()", PETS)).isEqualTo("2");
    assertThat(render("$input.path('$.pets')[1].type", PETS)).isEqualTo("cat");
    assertThat(render("$input.path('$.pets').get(0).price", PETS)).isEqualTo("249.99");
    assertThat(render("#if($input.path('$.open'))yes#end", PETS)).isEqualTo("yes");
    assertThat(render("#foreach($p in $input.path('$.pets'))$p.id#if($foreach.hasNext),#end#end", PETS)).isEqualTo("1,2");
  }

  @Test
  void theAwsGuideThingsExample() {
    String template = """
        {
            "id" : "$input.params('id')",
            "count" : "$input.path('$.things').size()",
            "things" : $util.escapeJavaScript($input.json('$.things'))
        }""";
    TemplateInput input = new TemplateInput("{\"things\":{\"1\":{},\"2\":{},\"3\":{}}}",
        Map.of("id", "abc"), null, null, null, null);
    // escapeJavaScript escapes the quotes of the JSON it is given
    assertThat(render(template, input)).isEqualTo("""
        {
            "id" : "abc",
            "count" : "3",
            "things" : {\\"1\\":{},\\"2\\":{},\\"3\\":{}}
        }""");
  }

  private static Object parse(String json) {
    try {
      return Json.MAPPER.readValue(json, Object.class);
    } catch (Exception e) {
      throw new AssertionError(json, e);
    }
  }

  @Test
  void aBodyThatIsNotJsonOrAPathThatMatchesNothingRendersNothing() {
    assertThat(render("[$input.json('$.a')][$input.path('$.a')]", "not json")).isEqualTo("[][]");
    assertThat(render("[$input.json('$.missing')][$input.path('$.missing')]", PETS)).isEqualTo("[][]");
  }

  @Test
  void paramsLookInPathThenQueryStringThenHeadersInAnyCase() {
    TemplateInput input = request();
    assertThat(render("$input.params('id')", input)).isEqualTo("abc");
    assertThat(render("$input.params('name')", input)).isEqualTo("last");
    assertThat(render("$input.params('x-trace')|$input.params('X-TRACE')", input)).isEqualTo("t1|t1");
    assertThat(render("[$input.params('nope')]", input)).isEqualTo("[]");
    assertThat(render("$input.params().header.get('content-type')", input)).isEqualTo("application/json");
    assertThat(render("$input.params().path.id $input.params().querystring.q", input)).isEqualTo("abc x y");
    assertThat(render("$input.params().keySet()", input)).isEqualTo("[path, querystring, header]");
  }

  @Test
  void theAwsGuideAllParamsExample() {
    String template = """
        #set($allParams = $input.params())
        {
          "params" : {
            #foreach($type in $allParams.keySet())
            #set($params = $allParams.get($type))
            "$type" : {
              #foreach($paramName in $params.keySet())
              "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
              #if($foreach.hasNext),#end
              #end
            }
            #if($foreach.hasNext),#end
            #end
          }
        }""";
    Object json = parse(render(template, request()));
    assertThat(json).isEqualTo(Map.of("params", Map.of(
        "path", Map.of("id", "abc"),
        "querystring", Map.of("name", "last", "q", "x y"),
        "header", Map.of("Content-Type", "application\\/json".replace("\\/", "/"), "X-Trace", "t1"))));
  }

  @Test
  void contextVariables() {
    TemplateInput input = request();
    assertThat(render("$context.apiId $context.stage $context.httpMethod $context.resourcePath $context.path", input))
        .isEqualTo("a1b2c3 dev POST /things/{id} /dev/things/abc");
    assertThat(render("$context.identity.sourceIp $context.identity.userAgent $context.domainPrefix", input))
        .isEqualTo("192.0.2.1 curl/8 a1b2c3");
    assertThat(render("$context.requestTimeEpoch $context.requestTime", input))
        .isEqualTo("1700000000123 14/Nov/2023:22:13:20 +0000");
    assertThat(render("[$context.identity.apiKey][$context.nothing]", input)).isEqualTo("[][]");
  }

  @Test
  void authorizerValuesAreStringsAndClaimsAloneIsNull() {
    TemplateInput input = new TemplateInput("", null, null, null, ContextVariables.builder()
        .authorizer("user-1", Map.of("numKey", 1, "boolKey", true)).claims(Map.of("sub", "s-1")).build(), null);
    assertThat(render("$context.authorizer.principalId $context.authorizer.numKey $context.authorizer.boolKey", input))
        .isEqualTo("user-1 1 true");
    assertThat(render("[$context.authorizer.claims][$context.authorizer.claims.sub]", input)).isEqualTo("[][s-1]");
  }

  @Test
  void errorMessageStringIsQuoted() {
    TemplateInput input = new TemplateInput("", null, null, null,
        ContextVariables.builder().error("Missing \"token\"", "MISSING_AUTHENTICATION_TOKEN").build(), null);
    assertThat(render("{\"message\":$context.error.messageString,\"type\":\"$context.error.responseType\"}", input))
        .isEqualTo("{\"message\":\"Missing \\\"token\\\"\",\"type\":\"MISSING_AUTHENTICATION_TOKEN\"}");
  }

  @Test
  void stageVariables() {
    assertThat(render("$stageVariables.env ${stageVariables.env} $stageVariables['env'] [$stageVariables.none]", request()))
        .isEqualTo("test test test []");
  }

  @Test
  void nullReferencesRenderEmptyAndEqualTheEmptyString() {
    assertThat(render("[$nothing][$nothing.deeper][${nothing}][$!nothing]", "")).isEqualTo("[][][][]");
    assertThat(render("#if($null == \"\")equal#end", "")).isEqualTo("equal");
    assertThat(render("#if(\"\" == $null)equal#end", "")).isEqualTo("equal");
    assertThat(render("#if($null != \"\")different#{else}same#end", "")).isEqualTo("same");
    assertThat(render("#if($null == \"x\")equal#{else}not#end", "")).isEqualTo("not");
  }

  @Test
  void escapeJavaScriptFollowsCommonsLang() {
    assertThat(render("$util.escapeJavaScript(\"it's \"\"q\"\" a/b \\ \")", ""))
        .isEqualTo("it\\'s \\\"q\\\" a\\/b \\\\ ");
    assertThat(render("$util.escapeJavaScript($input.body)", "line1\nline2\té")).isEqualTo("line1\\nline2\\t\\u00E9");
    assertThat(render("$util.escapeJavaScript($input.json('$.m'))", "{\"action\":\"x\",\"message\":\"foobar\",\"m\":\"foobar\"}"))
        .isEqualTo("\\\"foobar\\\"");
    assertThat(render("$util.escapeJavaScript($data).replaceAll(\"\\\\'\",\"'\")", "").isEmpty()).isTrue();
  }

  @Test
  void theAwsGuideEscapeThenUnescapeSingleQuotes() {
    TemplateInput input = new TemplateInput("{\"d\":\"it's\"}", null, null, null, null, null);
    assertThat(render("$util.escapeJavaScript($input.path('$.d')).replaceAll(\"\\\\'\",\"'\")", input)).isEqualTo("it's");
  }

  @Test
  void parseJson() {
    String body = "{\"errorMessage\":\"{\\\"key1\\\":\\\"var1\\\",\\\"key2\\\":{\\\"arr\\\":[1,2,3]}}\"}";
    String template = """
        #set ($errorMessageObj = $util.parseJson($input.path('$.errorMessage')))
        {"errorMessageObjKey2ArrVal" : $errorMessageObj.key2.arr[0]}""";
    assertThat(render(template, body).trim()).isEqualTo("{\"errorMessageObjKey2ArrVal\" : 1}");
    assertThat(render("$util.parseJson('[1,2,3]').size() $util.parseJson('\"s\"') $util.parseJson('true')", ""))
        .isEqualTo("3 s true");
  }

  @Test
  void urlAndBase64() {
    assertThat(render("$util.urlEncode('a b&c=d/é')", "")).isEqualTo("a+b%26c%3Dd%2F%C3%A9");
    assertThat(render("$util.urlEncode('x=a+b')", "")).isEqualTo("x%3Da%2Bb");
    assertThat(render("$util.urlDecode('x=a+b%2Fc')", "")).isEqualTo("x=a b/c");
    assertThat(render("$util.base64Encode('héllo')", "")).isEqualTo("aMOpbGxv");
    assertThat(render("$util.base64Decode('aMOpbGxv')", "")).isEqualTo("héllo");
  }

  @Test
  void unknownUtilFunctionsRenderNothingAsOnAws() {
    assertThat(render("[$util.hmac('x')]", "")).isEqualTo("[]");
  }

  @Test
  void plainVelocityStillWorks() {
    assertThat(render("#set($n = 2)#set($m = $n * 3 + 1)$m", "")).isEqualTo("7");
    assertThat(render("#set($s = 'a' + 'b')$s.toUpperCase()", "")).isEqualTo("AB");
    assertThat(render("#set($l = [])#set($ignored = $l.add('x'))$l.size() $l", "")).isEqualTo("1 [x]");
    assertThat(render("#set($m = {})#set($m.k = 'v')$m.k $m", "")).isEqualTo("v {k=v}");
    assertThat(render("#foreach($i in [1..3])$i#end", "")).isEqualTo("123");
    assertThat(render("$input.body.split(',').size() $input.body.replace('a', 'bb') $input.body.matches('[a,]+')", "a,a"))
        .isEqualTo("2 bb,bb true");
    assertThat(render("#set($Integer = 0)$Integer.parseInt('42')", "")).isEqualTo("42");
    assertThat(render("#macro(greet $who)hi $who#end#greet('you')", "")).isEqualTo("hi you");
  }

  @Test
  void theServerlessFrameworkDefineLoop() {
    String template = """
        #define( $loop )
        {
            #foreach($key in $map.keySet())
            "$util.escapeJavaScript($key)": "$util.escapeJavaScript($map.get($key))"#if( $foreach.hasNext ),#end
            #end
        }
        #end
        {
          #set( $map = $stageVariables )
          "stageVariables": $loop
        }""";
    assertThat(parse(render(template, request()))).isEqualTo(Map.of("stageVariables", Map.of("env", "test")));
  }

  @Test
  void overridesAreReturnedAndCarriedIntoTheNextTemplate() {
    String request = """
        #set($context.responseOverride.status = 444)
        #set($context.responseOverride.header.X-Custom = "c")
        #set($context.requestOverride.header.X-Up = "u")
        #set($context.requestOverride.header.Multi = ["1", "2"])
        #set($context.requestOverride.querystring.q = "v")
        #set($context.requestOverride.path.id = "p")""";
    Rendered rendered = MappingTemplate.compile(request).render(TemplateInput.ofBody(""));
    Overrides overrides = rendered.overrides();
    assertThat(overrides.responseStatus()).isEqualTo(444);
    assertThat(overrides.responseHeaders()).isEqualTo(Map.of("X-Custom", "c"));
    assertThat(overrides.requestHeaders()).isEqualTo(Map.of("X-Up", List.of("u"), "Multi", List.of("1", "2")));
    assertThat(overrides.requestQueryString()).isEqualTo(Map.of("q", List.of("v")));
    assertThat(overrides.requestPath()).isEqualTo(Map.of("id", "p"));

    TemplateInput next = new TemplateInput("{}", null, null, null, ContextVariables.builder().overrides(overrides).build(), null);
    Rendered response = MappingTemplate.compile("$context.requestOverride.header.X-Up $context.responseOverride.status").render(next);
    assertThat(response.output()).isEqualTo("u 444");
    assertThat(response.overrides()).isEqualTo(overrides);
  }

  @Test
  void aStatusOverrideMayBeAString() {
    Rendered rendered = MappingTemplate.compile("#set($context.responseOverride.status = \"400\")").render(TemplateInput.ofBody(""));
    assertThat(rendered.overrides().responseStatus()).isEqualTo(400);
    assertThat(MappingTemplate.compile("x").render(TemplateInput.ofBody("")).overrides()).isEqualTo(Overrides.NONE);
  }

  @Test
  void aTemplateMutatesOnlyItsOwnCopyOfTheVariables() {
    MappingTemplate template = MappingTemplate.compile("#set($context.stage = 'changed')#set($stageVariables.env = 'x')$context.stage");
    TemplateInput input = request();
    assertThat(template.render(input).output()).isEqualTo("changed");
    assertThat(MappingTemplate.compile("$context.stage $stageVariables.env").render(input).output()).isEqualTo("dev test");
  }

  @Test
  void compileErrorsSayWhere() {
    assertThatThrownBy(() -> MappingTemplate.compile("line one\n#if($a)\n#foreach(")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("line 3");
    assertThatThrownBy(() -> MappingTemplate.compile("$input.json('$[?(@.a =~ /x/)]')"))
        .isInstanceOf(TemplateException.class).hasMessageContaining("=~");
    assertThatThrownBy(() -> MappingTemplate.compile("$input.path('$[')")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("JSONPath");
    assertThatThrownBy(() -> MappingTemplate.compile("x".repeat(300 * 1024 + 1))).isInstanceOf(TemplateException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void oneTemplateRendersConcurrently() throws Exception {
    MappingTemplate template = MappingTemplate.compile("#foreach($p in $input.path('$.pets'))$p.type#end $context.requestId");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 1600; i++) {
        String id = "req-" + i;
        results.add(pool.submit(() -> template.render(new TemplateInput(PETS, null, null, null,
            ContextVariables.builder().requestId(id).build(), null)).output().equals("dogcat " + id)));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
