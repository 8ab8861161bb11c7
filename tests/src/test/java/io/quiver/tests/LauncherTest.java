package io.quiver.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.jdbc.QuiverDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code quiver} launcher run as a user runs it: scripts, and a server stopped by a signal. */
class LauncherTest {
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(45);
  private static final Pattern LISTENING =
      Pattern.compile("Quiver server listening on http://127\\.0\\.0\\.1:(\\d+) ");

  /** The exit code of a JVM that a SIGTERM stopped. */
  private static final int TERMINATED = 128 + 15;

  @TempDir Path folder;

  private Path data() {
    return folder.resolve("data");
  }

  private Path script(String name, String text) throws Exception {
    return Files.writeString(folder.resolve(name), text);
  }

  private QuiverProcess.Outcome run(Path script) throws Exception {
    return QuiverProcess.run(RUN_TIMEOUT, "run", script.toString(), "--data", data().toString());
  }

  @Test
  void runPrintsTablesAndCountsAndSucceeds() throws Exception {
    Path script =
        script(
            "create.sql",
            "-- people and their plans\n"
                + "CREATE TABLE people (id INTEGER, name VARCHAR);\n"
                + "INSERT INTO people VALUES (1, 'ann'), (2, 'it''s; bob'), (3, NULL);\n"
                + "SELECT id, name FROM people ORDER BY id;\n");

    QuiverProcess.Outcome outcome = run(script);

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.outputLines())
        .containsExactly(
            "No rows affected",
            "3 rows affected",
            "+----+-----------+",
            "| ID |   NAME    |",
            "+----+-----------+",
            "| 1  | ann       |",
            "| 2  | it's; bob |",
            "| 3  | null      |",
            "+----+-----------+",
            "3 rows selected");
  }

  @Test
  void aFailingStatementStopsTheRunWithItsLineAndExitCodeOne() throws Exception {
    Path script =
        script(
            "fail.sql",
            "CREATE TABLE before_failure (x INTEGER);\n"
                + "\n"
                + "SELECT *\n"
                + "  FROM nowhere;\n"
                + "CREATE TABLE after_failure (x INTEGER);\n");

    QuiverProcess.Outcome outcome = run(script);

    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.errorLines()).singleElement().asString().startsWith("Error at line 3: ");
    assertThat(outcome.errorLines().get(0)).contains("NOWHERE");
    assertThat(tableNames()).containsExactly("BEFORE_FAILURE");
  }

  @Test
  void aSecondRunSeesWhatTheFirstWrote() throws Exception {
    Path write =
        script("write.sql", "CREATE TABLE kept (x INTEGER);\nINSERT INTO kept VALUES (42);");
    Path read = script("read.sql", "SELECT x FROM kept;");

    assertThat(run(write).exitCode()).isZero();

    QuiverProcess.Outcome second = run(read);

    assertThat(second.exitCode()).isZero();
    assertThat(second.outputLines()).contains("| 42 |", "1 row selected");
  }

  @Test
  void usageErrorsExitWithTwo() throws Exception {
    QuiverProcess.Outcome outcome = QuiverProcess.run(RUN_TIMEOUT, "run");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.errorLines()).first().asString().contains("quiver run needs a script");
  }

  @Test
  void theServerSaysWhereItListensAndStopsCleanlyOnSigterm() throws Exception {
    try (QuiverProcess server =
        QuiverProcess.start("server", "--port", "0", "--data", data().toString())) {
      Optional<Matcher> listening = server.awaitErrorLine(LISTENING, QuiverProcess.START_TIMEOUT);
      assertThat(listening).as("listening line in %s", server.errorLines()).isPresent();
      assertThat(server.errorLines()).hasSize(1);
      String url = "jdbc:quiver:remote:url=http://127.0.0.1:" + listening.get().group(1);
      QuiverDriver.load();
      try (Connection connection =
              DriverManager.getConnection(url, "ADMIN", QuiverProcess.ADMIN_PASSWORD);
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE served (x INTEGER)");
      }

      server.terminate();

      assertThat(server.awaitExit(RUN_TIMEOUT)).isEqualTo(TERMINATED);
      assertThat(server.errorLines()).last().asString().contains("stopped");
    }
    assertThat(tableNames()).containsExactly("SERVED");
  }

  /** The tables of QUIVER.PUBLIC in the data folder, read in this process. */
  private List<String> tableNames() throws Exception {
    QuiverDriver.load();
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:quiver:" + data(), "ADMIN", QuiverProcess.ADMIN_PASSWORD);
        Statement statement = connection.createStatement()) {
      return SqlRows.firstColumn(statement, "SHOW TABLES");
    }
  }
}
