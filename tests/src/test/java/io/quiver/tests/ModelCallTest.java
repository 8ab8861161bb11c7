package io.quiver.tests;

import static io.quiver.tests.FoundationTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calling model methods from SQL, through the embedded driver. */
class ModelCallTest {
  private Connection connection;
  private Statement statement;

  @BeforeEach
  void logIrisModel() throws SQLException {
    connection = DriverManager.getConnection("jdbc:quiver:mem:");
    statement = connection.createStatement();
    logIrisModelAndFlowers(statement);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  /** Logs the random forest on iris as IRIS V1 and loads five flowers into FLOWERS. */
  static void logIrisModelAndFlowers(Statement statement) throws SQLException {
    Path model = SharedFiles.require("models/skl_randomforest_iris/model.onnx");
    statement.execute("CREATE MODEL iris WITH VERSION v1 FROM '" + model + "'");
    statement.execute("CREATE TABLE flowers (id INTEGER, a REAL, b REAL, c REAL, d REAL)");
    statement.execute(
        "INSERT INTO flowers VALUES (1, 5.9, 3.0, 5.1, 1.8), (2, 6.8, 2.8, 4.8, 1.4),"
            + " (3, 6.3, 2.3, 4.4, 1.3), (4, 6.5, 3.0, 5.5, 1.8), (5, 5.1, 3.5, 1.4, 0.2)");
  }

  @Test
  void callsReturnAStructPerRow() throws SQLException {
    try (ResultSet result =
        statement.executeQuery("SELECT id, iris!predict(a, b, c, d) FROM flowers ORDER BY id")) {
      assertThat(result.next()).isTrue();
      Object value = result.getObject(2);
      assertThat(value).isInstanceOf(Struct.class);
      assertThat(((Struct) value).getAttributes()[0]).isEqualTo(2L);
    }
  }

  @Test
  void outputFieldsByPathAndDot() throws SQLException {
    assertThat(
            rows(
                statement,
                "SELECT id, (iris!predict(a, b, c, d)).output_label FROM flowers ORDER BY id"))
        .containsExactly("1|2", "2|1", "3|1", "4|2", "5|0");
  }

  @Test
  void explainShowsTheBatchedOperator() throws SQLException {
    String plan =
        String.join(
            "\n", rows(statement, "EXPLAIN PLAN FOR SELECT iris!predict(a, b, c, d) FROM flowers"));
    assertThat(plan).contains("ModelEvalRel").contains("batchSize=").contains("threads=");
  }

  @Test
  void defaultBatchesHoldAboutAsManyValuesWhateverTheRowWidth() throws SQLException {
    Path mnist = SharedFiles.require("models/skl_logreg_mnist_tribuo/model.onnx");
    statement.execute("CREATE MODEL mnist FROM '" + mnist + "'");
    String pixels = String.join(", ", java.util.Collections.nCopies(784, "0.0"));
    String wide = "EXPLAIN PLAN FOR SELECT mnist!predict(ARRAY[" + pixels + "])";
    String narrow = "EXPLAIN PLAN FOR SELECT iris!predict(a, b, c, d) FROM flowers";

    assertThat(String.join("\n", rows(statement, wide))).contains("batchSize=[334]");
    assertThat(String.join("\n", rows(statement, narrow))).contains("batchSize=[8192]");

    statement.execute("ALTER SESSION SET MODEL_BATCH_SIZE = 100");
    assertThat(String.join("\n", rows(statement, wide))).contains("batchSize=[100]");
    assertThat(String.join("\n", rows(statement, narrow))).contains("batchSize=[100]");
  }

  @Test
  void outputFieldsWhereverTheResultGoes() throws SQLException {
    assertThat(
            rows(
                statement,
                "SELECT id FROM flowers ORDER BY iris!predict(a, b, c, d):output_label DESC, id"))
        .containsExactly("1", "4", "2", "3", "5");
    assertThat(
            rows(
                statement,
                "SELECT id FROM flowers ORDER BY (iris!predict(a, b, c, d)).output_label, id DESC"))
        .containsExactly("5", "3", "2", "4", "1");
    assertThat(
            rows(
                statement,
                "SELECT t.id, t.p.output_label FROM"
                    + " (SELECT id, iris!predict(a, b, c, d) AS p FROM flowers) t ORDER BY t.id"))
        .containsExactly("1|2", "2|1", "3|1", "4|2", "5|0");
  }

  @Test
  void mapOutputsTakeIntegerKeys() throws SQLException {
    assertThat(
            rows(
                statement,
                "SELECT iris!predict(a, b, c, d):output_probability[0] > 0.9,"
                    + " iris!predict(a, b, c, d):output_probability[2] FROM flowers WHERE id = 5"))
        .containsExactly("true|0.0");
  }

  @Test
  void theScanReadsOnlyTheColumnsTheQueryUses() throws SQLException {
    statement.execute("CREATE TABLE notes AS SELECT id, 'note' AS note, a, b, c, d FROM flowers");
    String query = "SELECT id, iris!predict(a, b, c, d):output_label FROM notes WHERE id < 3";
    String plan = String.join("\n", rows(statement, "EXPLAIN PLAN FOR " + query));
    assertThat(plan).contains("JdbcProject(ID=[$0], A=[$2], B=[$3], C=[$4], D=[$5])");
    assertThat(rows(statement, query + " ORDER BY id")).containsExactly("1|2", "2|1");
  }

  @Test
  void snowflakePathAndCastSyntax() throws SQLException {
    assertThat(
            rows(
                statement,
                "SELECT id, iris!predict(a, b, c, d):output_label::VARCHAR AS label"
                    + " FROM flowers WHERE id < 3 ORDER BY id"))
        .containsExactly("1|2", "2|1");
  }

  @Test
  void callsWorkInEveryClause() throws SQLException {
    statement.execute("ALTER MODEL iris ADD VERSION v2 FROM MODEL iris VERSION v1");
    statement.execute("ALTER MODEL iris VERSION v2 SET ALIAS = champion");
    assertThat(
            rows(
                statement,
                "WITH mv AS MODEL iris VERSION champion, f AS (SELECT * FROM flowers)"
                    + " SELECT mv!predict(a, b, c, d):output_label AS label, COUNT(*)"
                    + " FROM f WHERE MODEL(iris, v1)!predict(a, b, c, d):output_label > 0"
                    + " GROUP BY mv!predict(a, b, c, d):output_label ORDER BY 1"))
        .containsExactly("1|2", "2|2");
    statement.execute(
        "CREATE TABLE labels AS SELECT id, iris!predict(a, b, c, d):output_label AS label"
            + " FROM flowers");
    statement.execute(
        "INSERT INTO labels SELECT id + 10, quiver.public.iris!predict(a, b, c, d):output_label"
            + " FROM flowers WHERE id = 5");
    assertThat(rows(statement, "SELECT id, label FROM labels ORDER BY id"))
        .containsExactly("1|2", "2|1", "3|1", "4|2", "5|0", "15|0");
  }

  @Test
  void callsInCaseJoinAndWithTwoModels() throws Exception {
    Path example = SharedFiles.repositoryRoot().resolve("examples/iris.onnx");
    try (PreparedStatement upload =
        connection.prepareStatement("CREATE MODEL example WITH VERSION v1 FROM ?")) {
      upload.setBytes(1, Files.readAllBytes(example));
      upload.executeUpdate();
    }
    assertThat(
            rows(
                statement,
                "SELECT f.id, CASE WHEN iris!predict(f.a, f.b, f.c, f.d):output_label = 0"
                    + " THEN 'setosa' ELSE 'other' END, example!predict(f.a, f.b, f.c, f.d):label"
                    + " FROM flowers f JOIN flowers g"
                    + " ON example!predict(g.a, g.b, g.c, g.d):label = f.id - 3"
                    + " ORDER BY f.id"))
        .containsExactly("3|other|1", "4|other|2", "4|other|2", "5|setosa|0", "5|setosa|0");
  }

  @Test
  void arrayArgumentsAndOutputs() throws Exception {
    Path example = SharedFiles.repositoryRoot().resolve("examples/iris.onnx");
    statement.execute("CREATE MODEL example FROM '" + example + "'");
    try (ResultSet result =
        statement.executeQuery(
            "SELECT example!predict(ARRAY[a, b, c, d]):probabilities FROM flowers WHERE id = 5")) {
      assertThat(result.next()).isTrue();
      float[] probabilities = (float[]) result.getArray(1).getArray();
      assertThat(probabilities).hasSize(3);
      assertThat(probabilities[0]).isGreaterThan(0.9f);
    }
  }

  @Test
  void nullFeaturesBecomeMissingValues() throws SQLException {
    statement.execute("INSERT INTO flowers VALUES (6, NULL, 3.0, NULL, 1.8)");
    assertThat(
            rows(
                statement,
                "SELECT iris!predict(a, b, c, d):output_label FROM flowers WHERE id = 6"))
        .hasSize(1);
  }

  @Test
  void artifactsListAndGetThroughSql(@TempDir Path exports) throws SQLException {
    List<String> files = rows(statement, "LIST 'snow://model/iris/versions/v1/'");
    assertThat(files).anyMatch(row -> row.startsWith("versions/V1/model.onnx|"));
    assertThat(files).anyMatch(row -> row.startsWith("versions/V1/manifest.json|"));

    rows(
        statement,
        "GET 'snow://model/quiver.public.iris/versions/DEFAULT/model.onnx' 'file://"
            + exports
            + "/'");
    assertThat(exports.resolve("model.onnx")).exists();
  }

  @Test
  void argumentsBoundAsParameters() throws SQLException {
    String[] calls = {
      "SELECT iris!predict(?, ?, ?, ?):output_label",
      "SELECT iris!predict(x => ARRAY[?, ?, ?, ?]):output_label",
      "SELECT iris!predict(x_4 => ?, x_3 => ?, x_2 => ?, x_1 => ?):output_label",
      "SELECT output_label FROM TABLE(iris!predict(?, ?, ?, ?))"
    };
    for (String call : calls) {
      try (PreparedStatement prepared = connection.prepareStatement(call)) {
        boolean reversed = call.contains("x_4");
        double[][] flowers = {{5.1, 3.5, 1.4, 0.2}, {6.5, 3.0, 5.5, 1.8}};
        for (int flower = 0; flower < flowers.length; flower++) {
          for (int feature = 0; feature < 4; feature++) {
            int position = reversed ? 4 - feature : feature + 1;
            prepared.setDouble(position, flowers[flower][feature]);
          }
          try (ResultSet result = prepared.executeQuery()) {
            assertThat(result.next()).isTrue();
            assertThat(result.getLong(1)).as(call).isEqualTo(flower == 0 ? 0L : 2L);
          }
        }
      }
    }
  }

  @Test
  void constantArgumentsNeedNoTable() throws SQLException {
    assertThat(rows(statement, "SELECT iris!predict(5.1, 3.5, 1.4, 0.2):output_label"))
        .containsExactly("0");
  }

  @Test
  void namedArgumentsInAnyOrderAndCase() throws SQLException {
    List<String> positional =
        rows(
            statement, "SELECT id, iris!predict(a, b, c, d):output_label FROM flowers ORDER BY id");
    assertThat(
            rows(
                statement,
                "SELECT id, iris!predict(X_2 => b, x_1 => a, x_4 => d, \"X_3\" => c):output_label"
                    + " FROM flowers ORDER BY id"))
        .isEqualTo(positional);
    assertThat(
            rows(
                statement,
                "SELECT id, iris!predict(x => ARRAY[a, b, c, d]):output_label"
                    + " FROM flowers ORDER BY id"))
        .isEqualTo(positional);
  }

  @Test
  void namedArgumentMistakesNameTheSignature() {
    assertThatThrownBy(
            () ->
                connection.prepareStatement(
                    "SELECT iris!predict(y => ARRAY[a, b, c, d]) FROM flowers"))
        .satisfies(
            e ->
                assertThat(messages(e))
                    .contains("QUIVER.PUBLIC.IRIS version V1")
                    .contains("no argument named Y")
                    .contains("PREDICT(X => ARRAY(REAL))"));
    assertThatThrownBy(
            () ->
                connection.prepareStatement(
                    "SELECT iris!predict(\"x\" => ARRAY[a, b, c, d]) FROM flowers"))
        .satisfies(e -> assertThat(messages(e)).contains("no argument named \"x\""));
    assertThatThrownBy(
            () ->
                connection.prepareStatement("SELECT iris!predict(x_1 => a, b, c, d) FROM flowers"))
        .satisfies(e -> assertThat(messages(e)).contains("name every argument"));
    assertThatThrownBy(
            () ->
                connection.prepareStatement(
                    "SELECT iris!predict(x_1 => a, x_1 => b, x_3 => c, x_4 => d) FROM flowers"))
        .satisfies(e -> assertThat(messages(e)).contains("X_1 is given more than once"));
  }

  @Test
  void argumentsOfTheWrongTypeFailWhenPrepared() throws SQLException {
    assertThatThrownBy(
            () -> connection.prepareStatement("SELECT iris!predict('5.1', b, c, d) FROM flowers"))
        .satisfies(
            e ->
                assertThat(messages(e))
                    .contains("QUIVER.PUBLIC.IRIS version V1")
                    .contains("PREDICT(X column 1 REAL, X column 2 REAL")
                    .contains("argument 1 is CHAR(3), which is not cast implicitly to REAL"));
    assertThatThrownBy(
            () -> connection.prepareStatement("SELECT iris!predict(TRUE, b, c, d) FROM flowers"))
        .satisfies(
            e ->
                assertThat(messages(e))
                    .contains("QUIVER.PUBLIC.IRIS version V1")
                    .contains("the arguments given are BOOLEAN, NUMERIC, NUMERIC, NUMERIC"));
    assertThat(
            rows(
                statement,
                "SELECT iris!predict(CAST('5.1' AS REAL), 3.5, 1.4, 0.2):output_label"
                    + " FROM flowers WHERE id = 1"))
        .containsExactly("0");
  }

  @Test
  void unknownModelVersionOrMethodFailsWhenPrepared() {
    assertThatThrownBy(() -> connection.prepareStatement("SELECT nope!predict(a) FROM flowers"))
        .satisfies(e -> assertThat(messages(e)).contains("Model QUIVER.PUBLIC.NOPE"));
    assertThatThrownBy(
            () -> connection.prepareStatement("SELECT MODEL(iris, v9)!predict(a) FROM flowers"))
        .satisfies(e -> assertThat(messages(e)).contains("V9").contains("V1"));
    assertThatThrownBy(() -> connection.prepareStatement("SELECT iris!transform(a) FROM flowers"))
        .satisfies(e -> assertThat(messages(e)).contains("TRANSFORM").contains("PREDICT"));
    assertThatThrownBy(() -> connection.prepareStatement("SELECT iris!predict(a, b) FROM flowers"))
        .satisfies(e -> assertThat(messages(e)).contains("IRIS").contains("2 were given"));
  }

  static String messages(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      text.append(cause.getMessage()).append('\n');
    }
    return text.toString();
  }
}
