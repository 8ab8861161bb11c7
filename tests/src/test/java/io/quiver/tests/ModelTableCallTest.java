package io.quiver.tests;

import static io.quiver.tests.FoundationTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Model methods called in a FROM clause, {@code t, TABLE(m!predict(t.a, ...))}. */
class ModelTableCallTest {
  private static final String CALL = "TABLE(iris!predict(f.a, f.b, f.c, f.d))";

  private Connection connection;
  private Statement statement;

  @BeforeEach
  void logIrisModel() throws SQLException {
    connection = DriverManager.getConnection("jdbc:quiver:mem:");
    statement = connection.createStatement();
    ModelCallTest.logIrisModelAndFlowers(statement);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void outputsAreTypedColumnsBesideTheInputRow() throws SQLException {
    try (ResultSet result =
        statement.executeQuery("SELECT * FROM flowers f, " + CALL + " WHERE f.id = 5")) {
      ResultSetMetaData columns = result.getMetaData();
      List<String> names = new ArrayList<>();
      for (int column = 1; column <= columns.getColumnCount(); column++) {
        names.add(columns.getColumnLabel(column));
      }
      assertThat(names)
          .containsExactly("ID", "A", "B", "C", "D", "OUTPUT_LABEL", "OUTPUT_PROBABILITY");
      assertThat(columns.getColumnType(6)).isEqualTo(Types.BIGINT);

      assertThat(result.next()).isTrue();
      assertThat(result.getInt("ID")).isEqualTo(5);
      assertThat(result.getLong("OUTPUT_LABEL")).isEqualTo(0L);
      assertThat(result.getObject("OUTPUT_PROBABILITY")).asString().contains("0=");
      assertThat(result.next()).isFalse();
    }
  }

  @Test
  void givesWhatTheScalarCallGives() throws SQLException {
    List<String> scalar =
        rows(
            statement, "SELECT id, iris!predict(a, b, c, d):output_label FROM flowers ORDER BY id");
    List<String> table =
        rows(statement, "SELECT f.id, p.output_label FROM flowers f, " + CALL + " p ORDER BY id");
    assertThat(table).isEqualTo(scalar).containsExactly("1|2", "2|1", "3|1", "4|2", "5|0");
  }

  @Test
  void runsInBatchesWithoutAJoin() throws SQLException {
    String plan =
        String.join(
            "\n", rows(statement, "EXPLAIN PLAN FOR SELECT output_label FROM flowers f, " + CALL));
    assertThat(plan)
        .contains("ModelEvalRel(model=[QUIVER.PUBLIC.IRIS], version=[V1]")
        .doesNotContain("Correlate")
        .doesNotContain("TableFunctionScan");
  }

  @Test
  void everyCallFormWorksInTable() throws SQLException {
    statement.execute("ALTER MODEL iris ADD VERSION v2 FROM MODEL iris VERSION v1");
    statement.execute("ALTER MODEL iris VERSION v2 SET ALIAS = champion");
    String where = " WHERE id = 1";
    assertThat(
            rows(
                statement,
                "SELECT id, output_label FROM flowers,"
                    + " TABLE(MODEL(iris, champion)!predict(a, b, c, d))"
                    + where))
        .containsExactly("1|2");
    assertThat(
            rows(
                statement,
                "WITH mv AS MODEL iris VERSION v2 SELECT id, output_label FROM flowers,"
                    + " TABLE(mv!predict(a, b, c, d))"
                    + where))
        .containsExactly("1|2");
    assertThat(
            rows(
                statement,
                "SELECT id, output_label FROM flowers,"
                    + " TABLE(quiver.public.iris!predict(x => ARRAY[a, b, c, d]))"
                    + where))
        .containsExactly("1|2");
  }

  @Test
  void callWithoutATable() throws SQLException {
    assertThat(rows(statement, "SELECT output_label FROM TABLE(iris!predict(5.1, 3.5, 1.4, 0.2))"))
        .containsExactly("0");
  }

  @Test
  void leftLateralJoinAndColumnAliases() throws SQLException {
    assertThat(
            rows(
                statement,
                "SELECT f.id, p.label FROM flowers f LEFT JOIN LATERAL "
                    + CALL
                    + " AS p (label, probability) ON TRUE WHERE f.id <= 2 ORDER BY f.id"))
        .containsExactly("1|2", "2|1");
  }

  @Test
  void outputsFilterAndGroup() throws SQLException {
    assertThat(
            rows(
                statement,
                "SELECT output_label, COUNT(*) FROM flowers f, "
                    + CALL
                    + " WHERE output_label > 0 GROUP BY output_label ORDER BY 1"))
        .containsExactly("1|2", "2|2");
  }

  @Test
  void wrongArgumentCountNamesTheSignature() {
    assertThatThrownBy(
            () -> statement.executeQuery("SELECT * FROM flowers, TABLE(iris!predict(a, b))"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("QUIVER.PUBLIC.IRIS version V1")
        .hasMessageContaining("2 were given");
  }

  @Test
  void missingModelIsNamed() {
    assertThatThrownBy(
            () -> statement.executeQuery("SELECT * FROM flowers, TABLE(churn!predict(a, b))"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("CHURN does not exist");
  }

  @Test
  void onlyACallAloneStandsInTable() {
    assertThatThrownBy(
            () ->
                statement.executeQuery(
                    "SELECT * FROM flowers, TABLE(iris!predict(a, b, c, d):output_label)"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("TABLE(...) takes a model method call alone");
  }
}
