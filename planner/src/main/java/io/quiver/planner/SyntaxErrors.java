package io.quiver.planner;

import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Short syntax error messages: where, and what was found. */
final class SyntaxErrors {
  private static final int MAX_EXPECTED = 8;

  private SyntaxErrors() {}

  static String describe(SqlParseException e) {
    String message = String.valueOf(e.getMessage());
    SqlParserPos position = e.getPos();
    String found = firstLine(message);
    String where =
        position == null
            ? ""
            : " at line " + position.getLineNum() + ", column " + position.getColumnNum();
    StringBuilder text = new StringBuilder("Syntax error").append(where).append(": ");
    text.append(found.replaceFirst(" at line \\d+, column \\d+\\.?$", ""));
    String[][] expected = e.getExpectedTokenSequences() == null ? null : tokens(e);
    if (expected != null && expected.length > 0 && expected.length <= MAX_EXPECTED) {
      text.append("; expected one of: ");
      for (int i = 0; i < expected.length; i++) {
        text.append(i == 0 ? "" : ", ").append(String.join(" ", expected[i]));
      }
    }
    return text.toString();
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).trim();
  }

  private static String[][] tokens(SqlParseException e) {
    int[][] sequences = e.getExpectedTokenSequences();
    String[] images = e.getTokenImages();
    String[][] tokens = new String[sequences.length][];
    for (int i = 0; i < sequences.length; i++) {
      tokens[i] = new String[sequences[i].length];
      for (int j = 0; j < sequences[i].length; j++) {
        tokens[i][j] = images[sequences[i][j]];
      }
    }
    return tokens;
  }
}
