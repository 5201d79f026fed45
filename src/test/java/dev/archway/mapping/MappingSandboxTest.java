package dev.archway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Hostile templates (AWS-BEHAVIOUR D.1): each is refused when it is put, or fails its render with
 * a {@link TemplateRuntimeException} — never reaches a class, a file or the JVM, never exhausts memory.
 */
class MappingSandboxTest {
  private static final TemplateInput INPUT = TemplateInput.ofBody("{\"a\":[1,2,3],\"s\":\"text\"}");

  private static Rendered render(String template) {
    return MappingTemplate.compile(template).render(INPUT);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "$input.getClass()",
      "$input.getClass().forName('java.lang.Runtime')",
      "$input.class",
      "$input.class.forName('java.lang.Runtime').getRuntime().exec('id')",
      "$util.getClass().getClassLoader()",
      "$input.body.getClass()",
      "$input.body.class.forName('java.lang.System')",
      "#set($s = '')$s.getClass().forName('java.lang.Runtime')",
      "$context.getClass()",
      "$input.path('$.a').getClass()",
      "$input.path('$.a').iterator()",
      "$input.body.getBytes()",
      "$input.body.repeat(1000000000)",
      "#set($n = 1)$n.getClass()",
      "#set($n = 1)$n.getInteger('java.home')",
      "#foreach($x in [1])$foreach.info#end",
      "#foreach($x in [1])$foreach.getReplaced()#end",
      "$input.path('$').entrySet().iterator()",
      "#set($m = {})$m.getClass()",
      "$input.params().getClass()",
  })
  void reflectionAndUnlistedMethodsFailTheRender(String template) {
    assertThatThrownBy(() -> render(template)).isInstanceOf(TemplateRuntimeException.class)
        .hasMessageContaining("mapping templates cannot use");
  }

  @ParameterizedTest
  @ValueSource(strings = {"$class.inspect($input)", "$request.servletContext", "$velocityContext", "$runtime"})
  void toolsAndServerObjectsAreNotInTheContext(String template) {
    // as on AWS, a reference to something that does not exist prints nothing
    assertThat(render(template).output()).isEmpty();
  }

  @Test
  void theMapKeyClassIsJustAKey() {
    assertThat(MappingTemplate.compile("$input.path('$').class").render(TemplateInput.ofBody("{\"class\":\"x\"}")).output())
        .isEqualTo("x");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "#include('/etc/passwd')",
      "#parse('/etc/passwd')",
      "#evaluate('#set($x = 1)')",
      "#evaluate($input.body)",
      "#set($x = \"#include('/etc/passwd')\")$x",
      "#set($x = \"#evaluate('$input.body')\")$x",
      "#macro(m)#parse('x')#end#m()",
  })
  void directivesThatReadResourcesOrRunTextAreRefusedAtCompile(String template) {
    assertThatThrownBy(() -> MappingTemplate.compile(template)).isInstanceOf(TemplateException.class)
        .hasMessageContaining("is not allowed in mapping templates");
  }

  @Test
  void aLoopMayRunAThousandTimesAndNoMore() {
    assertThat(render("#foreach($i in [1..1000])#end done").output()).isEqualTo(" done");
    assertThatThrownBy(() -> render("#foreach($i in [1..1001])#end"))
        .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("more than 1000 iterations");
    assertThatThrownBy(() -> render("#foreach($i in [0..2147483647])#end"))
        .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("more than 1000 iterations");
  }

  @Test
  void nestedLoopsRunOutOfTime() {
    MappingTemplate template = MappingTemplate.compile(
        "#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])#end#end#end",
        new MappingLimits(300 * 1024, 1000, 1 << 20, 1 << 20, 1 << 20, 1000, Duration.ofMillis(100)));
    assertThatThrownBy(() -> template.render(INPUT))
        .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("ran longer than 100 ms");
  }

  @Test
  void catastrophicRegularExpressionsRunOutOfTime() {
    MappingTemplate template = MappingTemplate.compile("$input.body.matches('((a+)+)+b')",
        new MappingLimits(300 * 1024, 1000, 1 << 20, 1 << 20, 1 << 20, 1000, Duration.ofMillis(100)));
    assertThatThrownBy(() -> template.render(TemplateInput.ofBody("a".repeat(40) + "c")))
        .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("ran longer than");
  }

  @Test
  void recursiveMacrosAndDefinesStop() {
    assertThatThrownBy(() -> render("#macro(boom $n)#boom($n)#end#boom(1)"))
        .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("nested too deeply");
    // Velocity stops expanding a #define past depth 2 and prints the reference instead
    assertThat(render("#define($a)$a$a#end$a").output()).isEqualTo("$a$a$a$a");
  }

  @Test
  void outputBombsStopAtTheOutputBudget() {
    assertThatThrownBy(() -> render("#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])"
        + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx#end#end#end"))
        .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("output exceeds");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "#set($s = 'aaaaaaaaaaaaaaaa')#foreach($i in [1..64])#set($s = \"$s$s\")#end",
      "#set($s = 'aaaaaaaaaaaaaaaa')#foreach($i in [1..64])#set($s = $s + $s)#end",
      "#set($s = 'aaaaaaaaaaaaaaaa')#foreach($i in [1..64])#set($s = $s.concat($s))#end",
      "#set($s = 'aaaaaaaaaaaaaaaa')#foreach($i in [1..64])#set($s = $s.replace('a', 'aa'))#end",
      "#set($s = 'aaaaaaaaaaaaaaaa')#foreach($i in [1..64])#set($s = $s.replaceAll('a', 'aa'))#end",
      "#set($s = 'aaaaaaaaaaaaaaaa')#foreach($i in [1..64])#set($t = \"$s$s$s$s$s$s$s$s$s$s\")#set($s = $t)#end",
      "#set($l = ['aaaaaaaaaaaaaaaa'])#foreach($i in [1..64])#set($ok = $l.addAll($l))#end",
      "#set($l = [])#foreach($a in [1..1000])#foreach($b in [1..1000])#set($ok = $l.add($a))#set($ok = $l.add($b))#end#end",
      "#set($n = 2)#foreach($i in [1..64])#set($n = $n * $n)#end",
      "#set($l = [])#set($big = $input.body)#foreach($i in [1..1000])#set($ok = $l.add($big))#end#if($l == 'x')#end",
      "#set($l = [])#set($big = $input.body)#foreach($i in [1..1000])#set($ok = $l.add($big))#end#set($s = \"$l\")",
      "#set($l = [])#set($big = $input.body)#foreach($i in [1..1000])#set($ok = $l.add($big))#end$l.toString()",
  })
  void memoryBombsStopAtTheBudgets(String template) {
    MappingTemplate compiled = MappingTemplate.compile(template);
    assertThatThrownBy(() -> compiled.render(TemplateInput.ofBody("b".repeat(1 << 20))))
        .isInstanceOf(TemplateRuntimeException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "#if($l < 1)#end", "#if($l == 1)#end", "#if($l != 1)#end", "#set($x = $l - 1)", "#set($x = $l * 1)",
      "#set($x = $l / 1)", "#set($x = $l % 1)", "#set($x = -$l)", "#foreach($i in [$l..1])#end", "#set($x = $l + 1)",
      "#set($r = [1..3])$r.contains($l)",
  })
  void operatorsNeverPrintAHugeValueToCoerceIt(String use) {
    String template = "#set($l = [])#set($big = $input.body)#foreach($i in [1..1000])#set($ok = $l.add($big))#end" + use;
    // each either refuses the operation or answers at once; none prints the 1 GB list
    try {
      MappingTemplate.compile(template).render(TemplateInput.ofBody("b".repeat(1 << 20)));
    } catch (TemplateRuntimeException e) {
      assertThat(e.getMessage()).doesNotContain("longer than");
    }
  }

  @Test
  void hugeNumeralsAreNotParsed() {
    MappingTemplate template = MappingTemplate.compile("#if($input.body > 1)big#{else}no#end[#set($x = $input.path('$') * 2)$x]");
    assertThat(template.render(TemplateInput.ofBody("9".repeat(5_000_000))).output()).isEqualTo("no[]");
    assertThat(template.render(TemplateInput.ofBody("5")).output()).isEqualTo("big[10]");
  }

  @Test
  void valuesThatHoldThemselvesDoNotOverflowTheStack() {
    assertThatThrownBy(() -> render("#set($a = [])#set($b = [$a])#set($ok = $a.add($b))$a"))
        .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("nested deeper");
    assertThat(render("#set($a = [])#set($ok = $a.add($a))$a").output()).isEqualTo("[(this Collection)]");
  }

  @Test
  void deeplyNestedTemplatesAreRefusedNotCrashed() {
    String nested = "#if(true)".repeat(20_000) + "#end".repeat(20_000);
    try {
      MappingTemplate.compile(nested);
    } catch (TemplateException e) {
      assertThat(e).hasMessageContaining("invalid mapping template");
    }
  }

  @Test
  void deepJsonIsRefusedByTheParserNotTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThat(MappingTemplate.compile("[$input.json('$')]").render(TemplateInput.ofBody(deep)).output()).isEqualTo("[]");
    assertThatThrownBy(() -> MappingTemplate.compile("$util.parseJson($input.body)").render(TemplateInput.ofBody(deep)))
        .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void hostileJsonPathsAreRefused() {
    assertThatThrownBy(() -> MappingTemplate.compile("$input.json('" + "[".repeat(5000) + "')"))
        .isInstanceOf(TemplateException.class);
    assertThatThrownBy(() -> MappingTemplate.compile("#set($p = '$[?(@.a =~ /(a+)+b/)]')$input.json($p)").render(INPUT))
        .isInstanceOf(TemplateRuntimeException.class).hasMessageContaining("=~");
  }

  @Test
  void setOnAPlainValueFails() {
    assertThatThrownBy(() -> render("#set($input.body = 'x')")).isInstanceOf(TemplateRuntimeException.class);
  }

  @Test
  void aFailedRenderLeavesTheTemplateUsable() {
    MappingTemplate template = MappingTemplate.compile("#foreach($i in $input.path('$'))$i#end");
    assertThatThrownBy(() -> template.render(TemplateInput.ofBody("[" + "1,".repeat(1500) + "1]")))
        .isInstanceOf(TemplateRuntimeException.class);
    assertThat(template.render(TemplateInput.ofBody("[1,2]")).output()).isEqualTo("12");
  }
}
