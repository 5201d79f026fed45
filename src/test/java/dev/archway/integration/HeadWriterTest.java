package dev.archway.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one writer of message heads: what it writes byte for byte, and what it refuses to write. */
class HeadWriterTest {

  /** U+010A and U+010D are not CR and LF: a character above U+00FF is never cut down to its low byte. */
  @Test
  void writesFieldsAsLatin1WithCharactersAboveItAsQuestionMarks() {
    byte[] head = written(HeadWriter.start().header("X-Name", "caf\u00e9\tbar").header("X-Wide", "a\u4e2db\u0141c\u010a\u010d")
        .trusted("Content-Length", "42").crlf());
    assertThat(head).isEqualTo(("X-Name: caf\u00e9\tbar\r\nX-Wide: a?b?c??\r\nContent-Length: 42\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void writesAnEmptyValue() {
    assertThat(new String(written(HeadWriter.start().header("X-Empty", "")), StandardCharsets.ISO_8859_1))
        .isEqualTo("X-Empty: \r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\rb", "a\nb", "a\u0000b", "a\u007fb", "x\u001f"})
  void refusesAControlCharacterInAValue(String value) {
    assertThatThrownBy(() -> HeadWriter.start().header("X-Bad", value))
        .isInstanceOf(HeadWriter.Invalid.class).hasMessageContaining("control character");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "X Bad", "X:Bad", "X\u00e9", "X\u0141", "X\r\nInjected"})
  void refusesANameThatIsNotAToken(String name) {
    assertThatThrownBy(() -> HeadWriter.start().header(name, "v"))
        .isInstanceOf(HeadWriter.Invalid.class).hasMessageContaining("expected: a token");
  }

  @Test
  void aRefusedFieldLeavesTheHeadAsItWas() {
    HeadWriter head = HeadWriter.start().header("A", "1");
    assertThatThrownBy(() -> head.header("B", "bad\n")).isInstanceOf(HeadWriter.Invalid.class);
    assertThat(new String(written(head.header("C", "3")), StandardCharsets.ISO_8859_1)).isEqualTo("A: 1\r\nC: 3\r\n");
  }

  @Test
  void growsForALongHead() {
    String value = "v".repeat(10_000);
    HeadWriter head = HeadWriter.start();
    for (int i = 0; i < 10; i++) {
      head.header("X-" + i, value);
    }
    assertThat(written(head)).hasSize(10 * ("X-0: ".length() + 10_000 + 2));
  }

  private static byte[] written(HeadWriter head) {
    ByteBuf buffer = head.toBuffer(UnpooledByteBufAllocator.DEFAULT, 0);
    try {
      byte[] bytes = new byte[buffer.readableBytes()];
      buffer.readBytes(bytes);
      return bytes;
    } finally {
      buffer.release();
    }
  }
}
