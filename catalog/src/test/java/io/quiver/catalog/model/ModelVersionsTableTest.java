package io.quiver.catalog.model;

import static io.quiver.catalog.model.SharedModels.IRIS_FOREST;
import static io.quiver.catalog.model.SharedModels.IRIS_GEMM;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.catalog.Session;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INFORMATION_SCHEMA.MODEL_VERSIONS, queried with SQL through Calcite. */
class ModelVersionsTableTest {
  private ModelSql sql;

  @BeforeEach
  void open() {
    sql = ModelSql.inMemory();
  }

  @AfterEach
  void close() {
    sql.close();
  }

  @Test
  void listsOneRowPerVersionOfTheDatabaseWithSnowflakesColumns() throws Exception {
    sql.store().catalog().createDatabase("LAB", null, false, false);
    sql.run("CREATE MODEL churn WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));
    sql.run("ALTER MODEL churn MODIFY VERSION v2 SET COMMENT = 'gemm' METADATA = '{\"a\": 1}'");
    sql.run("CREATE MODEL lab.public.other FROM " + SharedModels.literal(IRIS_FOREST));

    try (Connection connection = DriverManager.getConnection("jdbc:calcite:")) {
      CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
      Session.attach(calcite, sql.session());
      calcite.getRootSchema().add("MODEL_VERSIONS", new ModelVersionsTable(sql.store(), "QUIVER"));
      calcite.getRootSchema().add("MISSING", new ModelVersionsTable(sql.store(), "MISSING"));

      try (ResultSet rows =
          connection
              .createStatement()
              .executeQuery("SELECT * FROM model_versions ORDER BY model_version_name")) {
        assertThat(columns(rows.getMetaData()))
            .containsExactly(
                "DATABASE_NAME",
                "SCHEMA_NAME",
                "MODEL_NAME",
                "MODEL_VERSION_NAME",
                "VERSION_ALIASES",
                "COMMENT",
                "OWNER",
                "CREATED",
                "LAST_ALTERED",
                "FUNCTIONS",
                "MODEL_TYPE",
                "PYTHON_VERSION",
                "LANGUAGE",
                "DEPENDENCIES",
                "METADATA",
                "USERDATA");
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString("MODEL_VERSION_NAME")).isEqualTo("V1");
        assertThat(rows.getString("VERSION_ALIASES")).isEqualTo("[\"DEFAULT\",\"FIRST\"]");
        assertThat(rows.getString("METADATA")).isEqualTo("{}");
        assertThat(rows.getTimestamp("CREATED")).isNotNull();
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString("DATABASE_NAME")).isEqualTo("QUIVER");
        assertThat(rows.getString("MODEL_NAME")).isEqualTo("CHURN");
        assertThat(rows.getString("COMMENT")).isEqualTo("gemm");
        assertThat(rows.getString("FUNCTIONS")).isEqualTo("[\"PREDICT\"]");
        assertThat(rows.getString("MODEL_TYPE")).isEqualTo("USER_MODEL");
        assertThat(rows.getString("METADATA")).isEqualTo("{\"a\":1}");
        assertThat(rows.next()).isFalse();
      }
      try (ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM missing")) {
        assertThat(rows.next()).isFalse();
      }
    }
  }

  private static List<String> columns(ResultSetMetaData metaData) throws Exception {
    List<String> names = new ArrayList<>();
    for (int column = 1; column <= metaData.getColumnCount(); column++) {
      names.add(metaData.getColumnLabel(column));
    }
    return names;
  }
}
