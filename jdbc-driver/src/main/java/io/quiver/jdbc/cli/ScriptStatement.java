package io.quiver.jdbc.cli;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One statement of a script: its text without the closing semicolon, the line of the script on
 * which it starts, and what makes it unreadable when a string, quoted identifier or comment in it
 * is never closed.
 */
record ScriptStatement(int line, String sql, @Nullable String problem) {
  ScriptStatement {
    requireNonNull(sql, "sql is null");
    if (line < 1) {
      throw new IllegalArgumentException("line must be at least 1, got " + line);
    }
  }

  static ScriptStatement of(int line, String sql) {
    return new ScriptStatement(line, sql, null);
  }

  /** Why the statement cannot run; empty when it can. */
  Optional<String> unreadable() {
    return Optional.ofNullable(problem);
  }
}
