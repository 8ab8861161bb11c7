package io.quiver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NULL arguments of model calls through SQL: in a floating-point input NULL is NaN, the missing
 * value of tree models; in any other input it fails the call, naming the argument and the row.
 */
class NullArgumentTest {
  private Connection connection;
  private Statement statement;

  @BeforeEach
  void openStore() throws SQLException {
    connection = DriverManager.getConnection("jdbc:quiver:mem:");
    statement = connection.createStatement();
  }

  @AfterEach
  void closeStore() throws SQLException {
    connection.close();
  }

  @Test
  void nullInAFloatInputIsNaN() throws SQLException {
    log("zipmap_string_labels", SharedModels.folder("zipmap_string_labels"));
    statement.execute("CREATE TABLE scores (a REAL, b REAL, c REAL)");
    statement.execute("INSERT INTO scores VALUES (NULL, 0.5, 0.4)");

    List<Object> maps =
        singleRow(
            "SELECT zipmap_string_labels!predict(a, b, c):y,"
                + " zipmap_string_labels!predict(ARRAY[a, b, c]):y FROM scores");
    for (Object map : maps) {
      assertThat(map).isInstanceOf(Map.class);
      assertThat((Double) ((Map<?, ?>) map).get("a")).isNaN();
      assertThat((Double) ((Map<?, ?>) map).get("b")).isCloseTo(0.5, within(1e-6));
      assertThat((Double) ((Map<?, ?>) map).get("c")).isCloseTo(0.4, within(1e-6));
    }
  }

  @Test
  void treeModelAnswersWhenAFeatureIsNull() throws SQLException {
    log("iris", SharedModels.folder("skl_randomforest_iris"));
    statement.execute("CREATE TABLE flowers (id INTEGER, a REAL, b REAL, c REAL, d REAL)");
    statement.execute(
        "INSERT INTO flowers VALUES (1, NULL, 3.0, 5.1, 1.8), (2, 5.9, NULL, 5.1, 1.8),"
            + " (3, 5.9, 3.0, NULL, 1.8), (4, 5.9, 3.0, 5.1, NULL), (5, NULL, NULL, NULL, NULL)");

    List<List<Object>> answers =
        rows(
            "SELECT iris!predict(a, b, c, d):output_label,"
                + " iris!predict(a, b, c, d):output_probability FROM flowers ORDER BY id");
    assertThat(answers).hasSize(5);
    for (List<Object> answer : answers) {
      assertThat(answer.get(0)).isIn(0L, 1L, 2L);
      Map<?, ?> probabilities = (Map<?, ?>) answer.get(1);
      double total = probabilities.values().stream().mapToDouble(p -> (Double) p).sum();
      assertThat(total).isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void nullInAnInt64InputFailsNamingTheArgumentAndRow(@TempDir Path folder)
      throws SQLException, IOException {
    Files.write(folder.resolve("model.onnx"), IdentityModel.of(TensorType.INT64));
    log("echo", folder);
    statement.execute("CREATE TABLE counts (id INTEGER, x BIGINT)");
    statement.execute("INSERT INTO counts VALUES (1, 7), (2, NULL), (3, 9)");

    assertThat(rows("SELECT echo!predict(x):y FROM counts WHERE x IS NOT NULL ORDER BY id"))
        .containsExactly(List.of(7L), List.of(9L));
    assertThatThrownBy(() -> rows("SELECT echo!predict(x):y FROM counts"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Argument 1 (input 'x')")
        .hasMessageContaining("is NULL in row 2")
        .hasMessageContaining("input type int64 has no missing value");
  }

  @Test
  void nullInAStringInputFailsNamingTheArgumentAndRow() throws SQLException {
    log("words", SharedModels.folder("identity_string_tf2onnx"));
    statement.execute("CREATE TABLE pairs (id INTEGER, left_word VARCHAR, right_word VARCHAR)");
    statement.execute("INSERT INTO pairs VALUES (1, 'one', 'two'), (2, 'three', NULL)");

    assertThatThrownBy(() -> rows("SELECT words!predict(left_word, right_word) FROM pairs"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Argument 2 (input 'input:0', column 2)")
        .hasMessageContaining("is NULL in row 2")
        .hasMessageContaining("input type string has no missing value");
  }

  private void log(String model, Path folder) throws SQLException {
    statement.execute("CREATE MODEL " + model + " FROM '" + folder.resolve("model.onnx") + "'");
  }

  private List<Object> singleRow(String query) throws SQLException {
    List<List<Object>> rows = rows(query);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private List<List<Object>> rows(String query) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          row.add(result.getObject(column));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
