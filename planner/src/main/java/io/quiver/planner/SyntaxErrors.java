package io.quiver.planner;

import io.quiver.parser.impl.ParseException;
import io.quiver.parser.impl.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Short syntax error messages: where, and what was found. */
final class SyntaxErrors {
  private static final int MAX_EXPECTED = 8;

  /** What the parser's several kinds of identifier tokens are to a user. */
  private static final String NAME = "a name";

  private static final Set<String> IDENTIFIER_TOKENS =
      Set.of(
          "<IDENTIFIER>",
          "<QUOTED_IDENTIFIER>",
          "<BACK_QUOTED_IDENTIFIER>",
          "<BIG_QUERY_BACK_QUOTED_IDENTIFIER>",
          "<BRACKET_QUOTED_IDENTIFIER>",
          "<HYPHENATED_IDENTIFIER>",
          "<UNICODE_QUOTED_IDENTIFIER>");

  /** Calcite's words for a statement that starts with an expression, such as a misspelt keyword. */
  private static final String NOT_A_STATEMENT =
      "Non-query expression encountered in illegal context";

  private SyntaxErrors() {}

  static String describe(SqlParseException e, String sql) {
    String message = String.valueOf(e.getMessage());
    SqlParserPos position = e.getPos();
    String found = firstLine(message);
    String where =
        position == null
            ? ""
            : " at line " + position.getLineNum() + ", column " + position.getColumnNum();
    if (found.startsWith(NOT_A_STATEMENT) && position != null) {
      return "Syntax error"
          + where
          + ": '"
          + wordAt(sql, position)
          + "' does not begin a statement; statements begin with a keyword such as SELECT, WITH,"
          + " INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, SHOW, DESCRIBE, USE, GRANT or COPY";
    }
    StringBuilder text = new StringBuilder("Syntax error").append(where).append(": ");
    String token = unexpectedToken(e);
    text.append(
        token == null
            ? found.replaceFirst(" at line \\d+, column \\d+\\.?$", "")
            : "unexpected " + token);
    Set<String> expected = e.getExpectedTokenSequences() == null ? Set.of() : expected(e);
    if (token != null && expected.contains(NAME) && token.matches("'[A-Za-z_]+'")) {
      String word = token.substring(1, token.length() - 1).toUpperCase(Locale.ROOT);
      text.append(", a reserved word; to use it as a name, write it quoted: \"")
          .append(word)
          .append('"');
    }
    if (!expected.isEmpty() && expected.size() <= MAX_EXPECTED) {
      text.append("; expected ").append(String.join(", ", expected));
    }
    return text.toString();
  }

  /** The word of the statement that starts at a position. */
  private static String wordAt(String sql, SqlParserPos position) {
    String[] lines = sql.split("\n", -1);
    String line = lines[Math.min(position.getLineNum(), lines.length) - 1];
    int start = Math.min(Math.max(position.getColumnNum() - 1, 0), line.length());
    int end = start;
    while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    return line.substring(start, end);
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).trim();
  }

  /** The token the parser stopped at, or null when the error does not say. */
  private static @Nullable String unexpectedToken(SqlParseException e) {
    if (!(e.getCause() instanceof ParseException)) {
      return null;
    }
    Token current = ((ParseException) e.getCause()).currentToken;
    if (current == null || current.next == null) {
      return null;
    }
    return current.next.kind == 0 ? "end of statement" : "'" + current.next.image + "'";
  }

  /**
   * The token sequences the parser would have taken there, each once, without quotes; the kinds of
   * identifier are all "a name".
   */
  private static Set<String> expected(SqlParseException e) {
    int[][] sequences = e.getExpectedTokenSequences();
    String[] images = e.getTokenImages();
    Set<String> expected = new LinkedHashSet<>();
    for (int[] sequence : sequences) {
      List<String> tokens = new ArrayList<>();
      for (int token : sequence) {
        String image = images[token];
        tokens.add(IDENTIFIER_TOKENS.contains(image) ? NAME : image.replace("\"", ""));
      }
      expected.add(String.join(" ", tokens));
    }
    return expected;
  }
}
