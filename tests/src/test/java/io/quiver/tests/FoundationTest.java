package io.quiver.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Databases, schemas, tables and queries through the embedded driver. */
class FoundationTest {
  @TempDir Path data;

  /** The administrator's password of the test's store, set by the connection that creates it. */
  private static final String ADMIN_PASSWORD = "foundation-test";

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:quiver:" + data, "ADMIN", ADMIN_PASSWORD);
  }

  static List<String> rows(Statement statement, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet resultSet = statement.executeQuery(sql)) {
      int columns = resultSet.getMetaData().getColumnCount();
      while (resultSet.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i == 1 ? "" : "|").append(resultSet.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  @Test
  void freshStoreHasQuiverPublic() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      assertThat(rows(statement, "SHOW DATABASES")).hasSize(1);
      assertThat(rows(statement, "SHOW SCHEMAS")).singleElement().asString().contains("PUBLIC");
    }
  }

  @Test
  void tablesQueriesAndRestart() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE churn (id INTEGER PRIMARY KEY, tenure DOUBLE, plan VARCHAR)");
      assertThat(rows(statement, "DESCRIBE TABLE churn")).first().asString().endsWith("|Y");
      assertThat(statement.executeUpdate("INSERT INTO churn VALUES (1, 3.5, 'a'), (2, 10, 'b')"))
          .isEqualTo(2);
      statement.execute("INSERT INTO churn SELECT id + 10, tenure * 2, plan FROM churn");
      statement.executeUpdate("UPDATE churn SET plan = 'c' WHERE id = 12");
      statement.executeUpdate("DELETE FROM churn WHERE id = 1");
      assertThat(
              rows(
                  statement,
                  "SELECT plan, COUNT(*) AS n, SUM(tenure) FROM churn GROUP BY plan ORDER BY plan"))
          .containsExactly("a|1|7.0", "b|1|10.0", "c|1|20.0");
      assertThat(
              rows(
                  statement,
                  "WITH t AS (SELECT id, ROW_NUMBER() OVER (ORDER BY tenure DESC) AS r FROM churn)"
                      + " SELECT id FROM t WHERE r = 1"))
          .containsExactly("12");
      statement.execute("CREATE TABLE top AS SELECT id, tenure FROM churn WHERE tenure > 5");
      assertThat(rows(statement, "SELECT COUNT(*) FROM quiver.public.top")).containsExactly("3");
    }
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      assertThat(rows(statement, "SELECT id FROM churn ORDER BY id LIMIT 2"))
          .containsExactly("2", "11");
    }
  }

  @Test
  void databasesAndSchemasResolveNames() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE ml");
      statement.execute("CREATE SCHEMA ml.staging");
      statement.execute("CREATE TABLE staging.t (x INTEGER)");
      statement.execute("INSERT INTO ml.staging.t VALUES (1)");
      statement.execute("USE SCHEMA ml.staging");
      assertThat(rows(statement, "SELECT x FROM t")).containsExactly("1");
      statement.execute("USE DATABASE quiver");
      assertThat(rows(statement, "SELECT x FROM ml.staging.t")).containsExactly("1");
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM nowhere"))
          .hasMessageContaining("NOWHERE");
      assertThatThrownBy(() -> statement.execute("USE DATABASE nope"))
          .hasMessageContaining("Database NOPE does not exist");
    }
  }

  @Test
  void copyIntoLoadsAllOrNothing() throws Exception {
    Path good = data.resolve("good.csv");
    Files.writeString(good, "id,name\n1,ann\n2,\"bob, jr\"\n");
    Path bad = data.resolve("bad.csv");
    Files.writeString(bad, "3,cy\nfour,dee\n");
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE people (id INTEGER, name VARCHAR)");
      assertThat(rows(statement, "COPY INTO people FROM '" + good + "' HEADER = TRUE"))
          .singleElement()
          .asString()
          .endsWith("LOADED|2|2");
      assertThatThrownBy(() -> statement.execute("COPY INTO people FROM '" + bad + "'"))
          .hasMessageContaining("Line 2, column 1 (ID): 'four'");
      assertThat(rows(statement, "SELECT COUNT(*) FROM people")).containsExactly("2");
      Path noHeader = data.resolve("no-header.csv");
      Files.writeString(noHeader, "3,cy\n4,dee\n");
      assertThat(rows(statement, "COPY INTO people FROM '" + noHeader + "'"))
          .singleElement()
          .asString()
          .endsWith("LOADED|2|2");
      assertThat(rows(statement, "SELECT name FROM people ORDER BY id"))
          .containsExactly("ann", "bob, jr", "cy", "dee");
    }
  }

  @Test
  void syntaxErrorsNamePosition() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT 1/0"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("division by zero");
      assertThatThrownBy(() -> statement.execute("SELEC 1"))
          .hasMessageContaining("line 1, column 1")
          .hasMessageContaining("'SELEC' does not begin a statement");
      assertThatThrownBy(() -> statement.execute("SELECT a FROM\n  WHERE a = 1"))
          .hasMessageContaining("Syntax error at line 2, column 3")
          .hasMessageContaining("WHERE");
      assertThatThrownBy(() -> statement.execute("CREATE TABLE t (id INTEGER, day DATE)"))
          .hasMessageContaining(
              "unexpected 'day', a reserved word; to use it as a name, write it quoted: \"DAY\";"
                  + " expected PRIMARY, a name");
    }
  }
}
