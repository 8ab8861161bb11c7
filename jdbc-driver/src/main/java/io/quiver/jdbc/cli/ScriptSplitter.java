package io.quiver.jdbc.cli;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements. A semicolon ends a statement unless it is inside a
 * single-quoted string (where {@code ''} stands for a quote), a double-quoted identifier (where
 * {@code ""} stands for a double quote), a {@code --} line comment or a {@code /* *\/} block
 * comment. Text after the last semicolon is a statement of its own. Comments before a statement are
 * left out of it; comments inside it are kept.
 *
 * <p>Block comments do not nest: the first {@code *\/} closes the comment.
 */
final class ScriptSplitter {
  private final String script;
  private final List<ScriptStatement> statements = new ArrayList<>();
  private int position;
  private int line = 1;
  private int statementStart = -1;
  private int statementLine;

  private ScriptSplitter(String script) {
    this.script = requireNonNull(script, "script is null");
  }

  /** The statements of a script, in order; blank and comment-only statements are left out. */
  static List<ScriptStatement> split(String script) {
    ScriptSplitter splitter = new ScriptSplitter(script);
    splitter.scan();
    return List.copyOf(splitter.statements);
  }

  private void scan() {
    while (position < script.length()) {
      if (!step()) {
        return;
      }
    }
    endStatement(script.length());
  }

  /** Consumes one token; returns false when the script ended inside an unclosed token. */
  private boolean step() {
    char current = script.charAt(position);
    if (startsWith("--")) {
      int end = script.indexOf('\n', position);
      position = end < 0 ? script.length() : end;
      return true;
    }
    if (startsWith("/*")) {
      return skipPast("*/", "comment", "*/");
    }
    if (current == '\'') {
      beginStatement();
      return skipQuoted('\'', "string", "'");
    }
    if (current == '"') {
      beginStatement();
      return skipQuoted('"', "quoted identifier", "\"");
    }
    if (current == ';') {
      endStatement(position);
    } else if (current == '\n') {
      line++;
    } else if (!Character.isWhitespace(current)) {
      beginStatement();
    }
    position++;
    return true;
  }

  private boolean startsWith(String token) {
    return script.startsWith(token, position);
  }

  private void beginStatement() {
    if (statementStart < 0) {
      statementStart = position;
      statementLine = line;
    }
  }

  private void endStatement(int end) {
    if (statementStart >= 0) {
      statements.add(
          ScriptStatement.of(statementLine, script.substring(statementStart, end).strip()));
    }
    statementStart = -1;
  }

  /** Skips a block comment; at the end of the script, records it as never closed. */
  private boolean skipPast(String closing, String kind, String fix) {
    int openingLine = line;
    int end = script.indexOf(closing, position + closing.length());
    if (end < 0) {
      unclosed(kind, openingLine, fix);
      return false;
    }
    advanceTo(end + closing.length());
    return true;
  }

  /** Skips a quoted string or identifier, in which a doubled quote stands for one quote. */
  private boolean skipQuoted(char quote, String kind, String fix) {
    int openingLine = line;
    int index = position + 1;
    while (index < script.length()) {
      if (script.charAt(index) != quote) {
        index++;
      } else if (index + 1 < script.length() && script.charAt(index + 1) == quote) {
        index += 2;
      } else {
        advanceTo(index + 1);
        return true;
      }
    }
    unclosed(kind, openingLine, fix);
    return false;
  }

  private void advanceTo(int end) {
    for (int index = position; index < end; index++) {
      if (script.charAt(index) == '\n') {
        line++;
      }
    }
    position = end;
  }

  private void unclosed(String kind, int openingLine, String fix) {
    beginStatement();
    String problem =
        "The "
            + kind
            + " that starts on line "
            + openingLine
            + " is never closed; close it with "
            + fix;
    String text = script.substring(statementStart).strip();
    statements.add(new ScriptStatement(statementLine, text, problem));
    statementStart = -1;
  }
}
