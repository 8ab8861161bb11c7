package io.quiver.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.jdbc.QuiverDriver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScriptRunnerTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
  private Connection connection;

  @BeforeEach
  void connect() throws SQLException {
    QuiverDriver.load();
    connection = DriverManager.getConnection("jdbc:quiver:mem:");
  }

  @AfterEach
  void disconnect() throws SQLException {
    connection.close();
  }

  private boolean run(String script) {
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errorStream = new PrintStream(errors, true, StandardCharsets.UTF_8);
    return new ScriptRunner(connection, outStream, errorStream).run(script);
  }

  private static List<String> lines(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void printsResultsAsTablesAndOtherStatementsAsCounts() {
    boolean succeeded =
        run(
            "CREATE TABLE t (id INTEGER, name VARCHAR);\n"
                + "INSERT INTO t VALUES (1, 'ann'), (22, NULL);\n"
                + "SELECT id, name AS \"Full name\", 'abc' AS n FROM t ORDER BY id;\n"
                + "UPDATE t SET name = 'x' WHERE id = 1;\n"
                + "DELETE FROM t WHERE id > 100;\n"
                + "SELECT * FROM t WHERE id < 0");

    assertThat(succeeded).isTrue();
    assertThat(lines(out))
        .containsExactly(
            "No rows affected",
            "2 rows affected",
            "+----+-----------+-----+",
            "| ID | Full name |  N  |",
            "+----+-----------+-----+",
            "| 1  | ann       | abc |",
            "| 22 | null      | abc |",
            "+----+-----------+-----+",
            "2 rows selected",
            "1 row affected",
            "No rows affected",
            "+----+------+",
            "| ID | NAME |",
            "+----+------+",
            "+----+------+",
            "No rows selected");
    assertThat(lines(errors)).isEmpty();
  }

  @Test
  void stopsAtTheFirstFailingStatementNamingTheLineItStartsOn() throws SQLException {
    boolean succeeded =
        run("SELECT 1;\n\nSELECT *\nFROM nowhere;\nCREATE TABLE never_created (x INTEGER);");

    assertThat(succeeded).isFalse();
    assertThat(lines(errors)).singleElement().asString().startsWith("Error at line 3: ");
    String message = lines(errors).get(0);
    assertThat(message).contains("NOWHERE").doesNotContain("Error while executing SQL");
    assertThat(lines(out)).last().isEqualTo("1 row selected");
    try (Statement statement = connection.createStatement();
        ResultSet tables = statement.executeQuery("SHOW TABLES")) {
      assertThat(tables.next()).isFalse();
    }
  }

  @Test
  void anUnclosedStringFailsWithoutRunning() {
    boolean succeeded = run("SELECT 1;\nSELECT 'never closed;\n");

    assertThat(succeeded).isFalse();
    assertThat(lines(errors))
        .containsExactly(
            "Error at line 2: The string that starts on line 2 is never closed; close it with '");
  }

  @Test
  void aFailureInsideGeneratedCodeIsReportedOnOneLine() {
    boolean succeeded = run("SELECT 1 / 0;");

    assertThat(succeeded).isFalse();
    assertThat(lines(errors)).singleElement().asString().startsWith("Error at line 1: ");
    assertThat(lines(errors).get(0)).containsIgnoringCase("zero");
  }

  @Test
  void anEmptyScriptSucceedsWithoutOutput() {
    assertThat(run("-- nothing to do\n")).isTrue();
    assertThat(lines(out)).isEmpty();
  }

  @Test
  void countsReadAsSqllineWritesThem() {
    assertThat(ScriptRunner.affected(0)).isEqualTo("No rows affected");
    assertThat(ScriptRunner.affected(1)).isEqualTo("1 row affected");
    assertThat(ScriptRunner.selected(3)).isEqualTo("3 rows selected");
  }
}
