package io.quiver.jdbc.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Runs the statements of a script one after another on one connection. Query results print as
 * tables and other statements as a count of affected rows, the way sqlline prints them. The run
 * stops at the first statement that fails, with one line naming the line it starts on.
 */
final class ScriptRunner {
  private final Connection connection;
  private final PrintStream out;
  private final PrintStream errors;

  ScriptRunner(Connection connection, PrintStream out, PrintStream errors) {
    this.connection = requireNonNull(connection, "connection is null");
    this.out = requireNonNull(out, "out is null");
    this.errors = requireNonNull(errors, "errors is null");
  }

  /** Runs a script's text; returns whether every statement succeeded. */
  boolean run(String script) {
    List<ScriptStatement> statements = ScriptSplitter.split(script);
    for (ScriptStatement statement : statements) {
      Optional<String> failure = execute(statement);
      if (failure.isPresent()) {
        out.flush();
        errors.println("Error at line " + statement.line() + ": " + failure.get());
        errors.flush();
        return false;
      }
    }
    out.flush();
    return true;
  }

  /** Runs one statement and prints its outcome; returns why it failed, if it did. */
  private Optional<String> execute(ScriptStatement statement) {
    if (statement.unreadable().isPresent()) {
      return statement.unreadable();
    }
    try (Statement jdbc = connection.createStatement()) {
      if (jdbc.execute(statement.sql())) {
        printResult(jdbc.getResultSet());
      } else {
        out.println(affected(jdbc.getLargeUpdateCount()));
      }
      return Optional.empty();
    } catch (SQLException | RuntimeException | ExceptionInInitializerError e) {
      return Optional.of(ErrorMessages.describe(e, statement.sql()));
    }
  }

  private void printResult(ResultSet resultSet) throws SQLException {
    ResultTable table;
    try (resultSet) {
      table = ResultTable.read(resultSet);
    }
    table.lines().forEach(out::println);
    out.println(selected(table.rowCount()));
  }

  static String affected(long count) {
    return count(count, "affected");
  }

  static String selected(long count) {
    return count(count, "selected");
  }

  private static String count(long count, String verb) {
    if (count <= 0) {
      return "No rows " + verb;
    }
    return count + (count == 1 ? " row " : " rows ") + verb;
  }
}
