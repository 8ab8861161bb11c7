package io.quiver.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.jdbc.QuiverDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process killed without warning (SIGKILL) keeps every statement it committed: the folder
 * reopens in this process with all of them.
 */
class CrashTest {
  private static final Pattern LISTENING =
      Pattern.compile("Quiver server listening on http://127\\.0\\.0\\.1:(\\d+) ");
  private static final int ROWS = 30;

  @TempDir Path data;

  @Test
  void everyCommittedStatementSurvivesAKilledServer() throws Exception {
    try (QuiverProcess server =
        QuiverProcess.start("server", "--port", "0", "--data", data.toString())) {
      Optional<Matcher> listening = server.awaitErrorLine(LISTENING, QuiverProcess.START_TIMEOUT);
      assertThat(listening).as("listening line in %s", server.errorLines()).isPresent();
      Connection client = connect(listening.get().group(1));

      writeCommittedRows(client);
      server.kill();

      closeAfterCrash(client);
    }

    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:quiver:" + data, "ADMIN", QuiverProcess.ADMIN_PASSWORD);
        Statement statement = connection.createStatement()) {
      assertThat(SqlRows.of(statement, "SELECT COUNT(*), MIN(id), MAX(id) FROM ledger"))
          .containsExactly(ROWS + "|1|" + ROWS);
      assertThat(SqlRows.of(statement, "SELECT COUNT(*) FROM ml.staging.notes"))
          .containsExactly("1");
    }
  }

  private static Connection connect(String port) throws SQLException {
    QuiverDriver.load();
    return DriverManager.getConnection(
        "jdbc:quiver:remote:url=http://127.0.0.1:" + port, "ADMIN", QuiverProcess.ADMIN_PASSWORD);
  }

  /**
   * Catalog changes, then rows, each committed on its own before the next is sent; the rows come
   * last so that the kill follows the most recent commits closely.
   */
  private static void writeCommittedRows(Connection client) throws SQLException {
    try (Statement statement = client.createStatement()) {
      statement.execute("CREATE TABLE ledger (id INTEGER, amount DOUBLE)");
      statement.execute("CREATE DATABASE ml");
      statement.execute("CREATE SCHEMA ml.staging");
      statement.execute("CREATE TABLE ml.staging.notes (note VARCHAR)");
      for (int id = 1; id <= ROWS; id++) {
        statement.executeUpdate("INSERT INTO quiver.public.ledger VALUES (" + id + ", 1.5)");
      }
      statement.executeUpdate("INSERT INTO ml.staging.notes VALUES ('last')");
    }
  }

  /** Lets go of a connection whose server is gone. */
  private static void closeAfterCrash(Connection client) {
    try {
      client.close();
    } catch (SQLException | RuntimeException e) {
      // The server cannot be told that the connection closes: it is gone.
    }
  }
}
