package io.quiver.tests;

import static io.quiver.tests.FoundationTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Model calls that read their H2 query themselves, filling batches column by column, give the rows
 * that the general path, over Calcite's row objects, gives. An argument that is an expression,
 * CAST(a AS DOUBLE), sends a call the general way, so each query is compared with its twin.
 */
class ScannedModelCallTest {
  private static final String SCANNED =
      "SELECT id, note, weight, flag, iris!predict(a, b, c, d) FROM samples ORDER BY id";
  private static final String GENERAL =
      "SELECT id, note, weight, flag, iris!predict(CAST(a AS DOUBLE), b, c, d) FROM samples"
          + " ORDER BY id";

  private Connection connection;
  private Statement statement;

  @BeforeEach
  void logIrisModelAndSamples() throws SQLException {
    connection = DriverManager.getConnection("jdbc:quiver:mem:");
    statement = connection.createStatement();
    Path model = SharedFiles.require("models/skl_randomforest_iris/model.onnx");
    statement.execute("CREATE MODEL iris WITH VERSION v1 FROM '" + model + "'");
    statement.execute(
        "CREATE TABLE samples (id INTEGER, note VARCHAR, weight DECIMAL(6, 2), flag BOOLEAN,"
            + " taken DATE, a REAL, b DOUBLE, c INTEGER, d REAL)");
    StringBuilder insert = new StringBuilder("INSERT INTO samples VALUES ");
    for (int id = 1; id <= 60; id++) {
      insert
          .append(id == 1 ? "" : ", ")
          .append(
              String.format(
                  "(%d, 'n%d', %d.25, %b, DATE '2026-01-%02d',",
                  id, id, id, id % 2 == 0, 1 + id % 28))
          .append(
              String.format(
                  " %s, %s, %d, %s)",
                  feature(id, 4.3f, 3.6f),
                  2 + id % 3 * 0.7,
                  1 + id % 6,
                  feature(id + 1, 0.1f, 2.4f)));
    }
    statement.execute(insert.toString());
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void explainTellsWhichCallsReadTheirScan() throws SQLException {
    assertThat(explain(SCANNED)).contains("input=[columns read from H2]");
    assertThat(explain(GENERAL)).doesNotContain("input=[columns read from H2]");
  }

  @Test
  void datesBesideACallGoTheGeneralWay() throws SQLException {
    String query = "SELECT taken, iris!predict(a, b, c, d):output_label FROM samples WHERE id = 7";

    assertThat(explain(query)).doesNotContain("input=[columns read from H2]");
    assertThat(rows(statement, query)).singleElement().asString().startsWith("2026-01-08|");
  }

  @Test
  void scannedAndGeneralCallsGiveTheSameRowsOverManyBatches() throws SQLException {
    for (int batchSize : List.of(1, 3, 7, 60, 4096)) {
      statement.execute("ALTER SESSION SET MODEL_BATCH_SIZE = " + batchSize);
      List<String> scanned = rows(statement, SCANNED);

      assertThat(scanned).as("batches of %d rows", batchSize).hasSize(60);
      assertThat(scanned).as("batches of %d rows", batchSize).isEqualTo(rows(statement, GENERAL));
    }
    assertThat(rows(statement, SCANNED).get(6)).startsWith("7|n7|7.25|false|{");
  }

  @Test
  void nullsAreMissingValuesInArgumentsAndStayNullInForwardedFields() throws SQLException {
    statement.execute(
        "UPDATE samples SET note = NULL, weight = NULL, flag = NULL, a = NULL, b = NULL"
            + " WHERE id % 5 = 0");
    statement.execute("ALTER SESSION SET MODEL_BATCH_SIZE = 4");

    List<String> scanned = rows(statement, SCANNED);

    assertThat(scanned).isEqualTo(rows(statement, GENERAL));
    assertThat(scanned.get(4)).startsWith("5|null|null|null|");
  }

  @Test
  void outputsWithoutForwardedFieldsAndWithFieldsUsedTwice() throws SQLException {
    statement.execute("ALTER SESSION SET MODEL_BATCH_SIZE = 8");

    assertThat(rows(statement, "SELECT iris!predict(a, b, c, d):output_label FROM samples"))
        .isEqualTo(
            rows(
                statement,
                "SELECT iris!predict(CAST(a AS DOUBLE), b, c, d):output_label FROM samples"));
    assertThat(
            rows(
                statement,
                "SELECT a, iris!predict(a, a, d, d):output_label, d FROM samples ORDER BY a, d"))
        .isEqualTo(
            rows(
                statement,
                "SELECT a, iris!predict(CAST(a AS DOUBLE), a, d, d):output_label, d FROM samples"
                    + " ORDER BY a, d"));
  }

  @Test
  void closingEarlyReturnsTheScanConnection() throws SQLException {
    statement.execute("ALTER SESSION SET MODEL_BATCH_SIZE = 2");

    for (int query = 0; query < 40; query++) {
      try (Statement early = connection.createStatement();
          ResultSet result = early.executeQuery(SCANNED)) {
        assertThat(result.next()).isTrue();
        assertThat(result.next()).isTrue();
      }
    }

    assertThat(rows(statement, SCANNED)).hasSize(60);
  }

  @Test
  void aQueryTimeoutStopsTheScanAndReachesTheClientAsASqlException() throws Exception {
    for (int doubling = 0; doubling < 10; doubling++) {
      statement.execute("INSERT INTO samples SELECT * FROM samples");
    }
    statement.execute("ALTER SESSION SET MODEL_BATCH_SIZE = 16");

    try (Statement timed = connection.createStatement()) {
      timed.setQueryTimeout(1);
      // Without ORDER BY, H2 reads the table as the rows are fetched, checking the timeout.
      ResultSet result = timed.executeQuery("SELECT id, iris!predict(a, b, c, d) FROM samples");
      assertThat(result.next()).isTrue();
      Thread.sleep(1_500);

      assertThatThrownBy(
              () -> {
                while (result.next()) {
                  result.getObject(2);
                }
              })
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"))
          .hasMessageContaining("Reading the input of MODEL(QUIVER.PUBLIC.IRIS, V1)!PREDICT")
          .hasMessageContaining("timed out");
      result.close();
    }

    assertThat(rows(statement, "SELECT COUNT(*) FROM samples")).containsExactly("61440");
  }

  @Test
  void emptyTablesAndFiltersThatKeepNoRows() throws SQLException {
    assertThat(rows(statement, "SELECT iris!predict(a, b, c, d) FROM samples WHERE id > 100"))
        .isEmpty();
    statement.execute("DELETE FROM samples");
    assertThat(rows(statement, SCANNED)).isEmpty();
  }

  private String explain(String query) throws SQLException {
    return String.join("\n", rows(statement, "EXPLAIN PLAN FOR " + query));
  }

  /** A feature value that cycles through [low, low + span). */
  private static String feature(int id, float low, float span) {
    return Float.toString(low + (id * 37 % 100) / 100f * span);
  }
}
