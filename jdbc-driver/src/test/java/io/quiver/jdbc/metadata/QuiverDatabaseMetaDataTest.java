package io.quiver.jdbc.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.jdbc.QuiverDriver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.AvaticaConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuiverDatabaseMetaDataTest {
  @TempDir Path data;

  private Connection connection;
  private DatabaseMetaData metaData;

  @BeforeEach
  void createObjects() throws SQLException {
    QuiverDriver.load();
    connection = DriverManager.getConnection("jdbc:quiver:" + data, "ADMIN", "metadata-test");
    metaData =
        new QuiverJdbcFactory().newDatabaseMetaData(connection.unwrap(AvaticaConnection.class));
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE churn (id INTEGER, plan VARCHAR(20), PRIMARY KEY (id))");
      statement.execute("CREATE DATABASE ml");
      statement.execute("CREATE SCHEMA ml.staging");
      statement.execute("CREATE TABLE ml.staging.scores (score DOUBLE NOT NULL, taken TIMESTAMP)");
    }
  }

  @AfterEach
  void disconnect() throws SQLException {
    connection.close();
  }

  private static List<String> rows(ResultSet resultSet, String... columns) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (resultSet) {
      while (resultSet.next()) {
        List<String> values = new ArrayList<>();
        for (String column : columns) {
          values.add(resultSet.getString(column));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  @Test
  void databasesAreCatalogsAndTheirSchemasAreSchemas() throws SQLException {
    assertThat(metaData.getCatalogTerm()).isEqualTo("database");
    assertThat(rows(metaData.getCatalogs(), "TABLE_CAT")).containsExactly("ML", "QUIVER");
    assertThat(rows(metaData.getSchemas(), "TABLE_CATALOG", "TABLE_SCHEM"))
        .containsExactly("ML|PUBLIC", "ML|STAGING", "QUIVER|PUBLIC");
    assertThat(rows(metaData.getSchemas("ML", "ST%"), "TABLE_CATALOG", "TABLE_SCHEM"))
        .containsExactly("ML|STAGING");
    assertThat(rows(metaData.getSchemas("", null), "TABLE_SCHEM")).isEmpty();
  }

  @Test
  void tablesCarryTheirDatabaseAndSchema() throws SQLException {
    assertThat(
            rows(
                metaData.getTables(null, null, null, null),
                "TABLE_CAT",
                "TABLE_SCHEM",
                "TABLE_NAME",
                "TABLE_TYPE"))
        .containsExactly("ML|STAGING|SCORES|TABLE", "QUIVER|PUBLIC|CHURN|TABLE");
    assertThat(
            rows(
                metaData.getTables("QUIVER", "PUBLIC", "CH%", new String[] {"TABLE"}),
                "TABLE_NAME"))
        .containsExactly("CHURN");
    assertThat(rows(metaData.getTables(null, null, null, new String[] {"VIEW"}), "TABLE_NAME"))
        .isEmpty();
    assertThat(rows(metaData.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE");
  }

  @Test
  void columnsHaveQuiverTypeNamesAndDecimalSizes() throws SQLException {
    ResultSet columns = metaData.getColumns(null, null, null, null);

    assertThat(
            rows(
                columns,
                "TABLE_CAT",
                "TABLE_SCHEM",
                "TABLE_NAME",
                "COLUMN_NAME",
                "DATA_TYPE",
                "TYPE_NAME",
                "COLUMN_SIZE",
                "NULLABLE",
                "ORDINAL_POSITION"))
        .containsExactly(
            "ML|STAGING|SCORES|SCORE|" + Types.DOUBLE + "|DOUBLE|15|0|1",
            "ML|STAGING|SCORES|TAKEN|" + Types.TIMESTAMP + "|TIMESTAMP|26|1|2",
            "QUIVER|PUBLIC|CHURN|ID|" + Types.INTEGER + "|INTEGER|10|0|1",
            "QUIVER|PUBLIC|CHURN|PLAN|" + Types.VARCHAR + "|VARCHAR|20|1|2");
  }

  @Test
  void primaryKeysAreNamedByDatabaseAndSchema() throws SQLException {
    assertThat(
            rows(
                metaData.getPrimaryKeys("QUIVER", "PUBLIC", "CHURN"),
                "TABLE_CAT",
                "TABLE_SCHEM",
                "TABLE_NAME",
                "COLUMN_NAME",
                "KEY_SEQ"))
        .containsExactly("QUIVER|PUBLIC|CHURN|ID|1");
    assertThat(rows(metaData.getPrimaryKeys("ML", null, "CHURN"), "COLUMN_NAME")).isEmpty();
  }

  @Test
  void typeInfoListsTheTypesATableColumnCanHave() throws SQLException {
    List<String> types = rows(metaData.getTypeInfo(), "TYPE_NAME");

    assertThat(types).contains("INTEGER", "DOUBLE", "VARCHAR", "TIMESTAMP", "BOOLEAN");
    assertThat(types).doesNotContain("INTERVAL_DAY", "MAP", "UTINYINT");
  }

  @Test
  void aClosedConnectionAnswersWithAnError() throws SQLException {
    connection.close();

    org.assertj.core.api.Assertions.assertThatThrownBy(metaData::getCatalogs)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("connection is closed");
  }
}
