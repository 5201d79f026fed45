package dev.archway.control;

import dev.archway.control.wire.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV dialect of AWS's API key files: comma-separated fields, a field may be enclosed in
 * double or single quotes (so it can hold commas, as a list of usage plan ids does), a doubled
 * quote inside stands for one. Blank lines are skipped.
 */
final class CsvRecords {
  private CsvRecords() {}

  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    boolean fieldStart = true;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (fieldStart && (c == '"' || c == '\'')) {
        i = quoted(text, i, field);
        fieldStart = false;
        continue;
      }
      fieldStart = false;
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        fieldStart = true;
      } else if (c == '\n' || c == '\r') {
        fields.add(field.toString());
        field.setLength(0);
        addRecord(records, fields);
        fields = new ArrayList<>();
        fieldStart = true;
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        field.append(c);
      }
      i++;
    }
    fields.add(field.toString());
    addRecord(records, fields);
    return records;
  }

  /** Reads a quoted field starting at {@code open}; returns the index after its closing quote. */
  private static int quoted(String text, int open, StringBuilder field) {
    char quote = text.charAt(open);
    int i = open + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          field.append(quote);
          i += 2;
          continue;
        }
        return i + 1;
      }
      field.append(c);
      i++;
    }
    throw ApiException.badRequest("Invalid API key file: a quoted field opened at character " + open + " is never closed");
  }

  private static void addRecord(List<List<String>> records, List<String> fields) {
    if (fields.size() == 1 && fields.get(0).isBlank()) {
      return;
    }
    records.add(List.copyOf(fields));
  }
}
