package dev.archway.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.control.wire.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
  @Test
  void quotesOfEitherKindHoldCommasAndDoubledQuotes() {
    assertThat(CsvRecords.parse("\uFEFFa,\"b,c\",'d,e'\r\n\n\"say \"\"hi\"\"\",,x\n"))
        .containsExactly(List.of("a", "b,c", "d,e"), List.of("say \"hi\"", "", "x"));
  }

  @Test
  void quotedFieldsMaySpanLinesButMustClose() {
    assertThat(CsvRecords.parse("\"two\nlines\",y")).containsExactly(List.of("two\nlines", "y"));
    assertThatThrownBy(() -> CsvRecords.parse("a,'open")).isInstanceOf(ApiException.class);
  }
}
