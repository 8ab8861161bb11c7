package io.quiver.catalog.model;

import static io.quiver.catalog.model.SharedModels.IRIS_FOREST;
import static io.quiver.catalog.model.SharedModels.IRIS_GEMM;
import static io.quiver.catalog.model.SharedModels.MNIST;
import static io.quiver.catalog.model.SharedModels.MULTITYPE;
import static io.quiver.catalog.model.SharedModels.WINE_REGRESSOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.Session;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SHOW MODELS, SHOW VERSIONS, SHOW FUNCTIONS and DESCRIBE MODEL. */
class ShowCommandsTest {
  private ModelSql sql;

  @BeforeEach
  void open() {
    sql = ModelSql.inMemory();
  }

  @AfterEach
  void close() {
    sql.close();
  }

  private void createChurn() {
    sql.run(
        "CREATE MODEL churn WITH VERSION v1 FROM "
            + SharedModels.literal(IRIS_FOREST)
            + " COMMENT = 'iris'");
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));
    sql.run("ALTER MODEL churn ADD VERSION v3 FROM " + SharedModels.literal(WINE_REGRESSOR));
  }

  @Test
  void showModelsHasSnowflakesColumnsAndValues() {
    createChurn();

    ModelSql.Result result = sql.run("SHOW MODELS");

    assertThat(result.columnNames())
        .containsExactly(
            "created_on",
            "name",
            "model_type",
            "database_name",
            "schema_name",
            "owner",
            "comment",
            "versions",
            "default_version_name",
            "aliases");
    Map<String, @Nullable Object> row = result.single();
    assertThat(row.get("created_on")).isInstanceOf(OffsetDateTime.class);
    assertThat(row)
        .containsEntry("name", "CHURN")
        .containsEntry("model_type", "USER_MODEL")
        .containsEntry("database_name", "QUIVER")
        .containsEntry("schema_name", "PUBLIC")
        .containsEntry("owner", "ACCOUNTADMIN")
        .containsEntry("comment", "iris")
        .containsEntry("versions", "[\"V1\",\"V2\",\"V3\"]")
        .containsEntry("default_version_name", "V1")
        .containsEntry("aliases", "{\"DEFAULT\":\"V1\",\"FIRST\":\"V1\",\"LAST\":\"V3\"}");
  }

  @Test
  void showModelsLikeIsCaseInsensitiveWithWildcards() {
    for (String model : List.of("churn", "churn_v", "\"Chart\"", "iris")) {
      sql.run("CREATE MODEL " + model + " FROM " + SharedModels.literal(IRIS_FOREST));
    }

    assertThat(sql.run("SHOW MODELS LIKE 'ch%'").column("name"))
        .containsExactly("CHURN", "CHURN_V", "Chart");
    assertThat(sql.run("SHOW MODELS LIKE 'CHUR_'").column("name")).containsExactly("CHURN");
    assertThat(sql.run("SHOW MODELS LIKE 'chart'").column("name")).containsExactly("Chart");
    assertThat(sql.run("SHOW MODELS LIKE 'x%'").rows()).isEmpty();
  }

  @Test
  void showModelsScopesAndSortOrder() {
    sql.store().catalog().createSchema("QUIVER", "ARCHIVE", false, false);
    sql.store().catalog().createDatabase("LAB", null, false, false);
    for (String model : List.of("lab.public.b", "quiver.archive.c", "quiver.public.a")) {
      sql.run("CREATE MODEL " + model + " FROM " + SharedModels.literal(IRIS_FOREST));
    }

    assertThat(names("SHOW MODELS")).containsExactly("QUIVER.ARCHIVE.C", "QUIVER.PUBLIC.A");
    assertThat(names("SHOW MODELS IN ACCOUNT"))
        .containsExactly("LAB.PUBLIC.B", "QUIVER.ARCHIVE.C", "QUIVER.PUBLIC.A");
    assertThat(names("SHOW MODELS IN DATABASE lab")).containsExactly("LAB.PUBLIC.B");
    assertThat(names("SHOW MODELS IN DATABASE")).hasSize(2);
    assertThat(names("SHOW MODELS IN SCHEMA archive")).containsExactly("QUIVER.ARCHIVE.C");
    assertThat(names("SHOW MODELS IN SCHEMA lab.public")).containsExactly("LAB.PUBLIC.B");
    assertThat(names("SHOW MODELS IN SCHEMA")).containsExactly("QUIVER.PUBLIC.A");
    assertThat(sql.fails("SHOW MODELS IN DATABASE nowhere").getMessage())
        .startsWith("Database NOWHERE does not exist or not authorized");
  }

  @Test
  void showModelsWithoutCurrentDatabaseListsTheAccount() {
    sql.run("CREATE MODEL a FROM " + SharedModels.literal(IRIS_FOREST));
    Session session = sql.session();
    session.use(null, null);

    assertThat(sql.run("SHOW MODELS").column("name")).containsExactly("A");
  }

  private List<String> names(String show) {
    return sql.run(show).maps().stream()
        .map(row -> row.get("database_name") + "." + row.get("schema_name") + "." + row.get("name"))
        .toList();
  }

  @Test
  void showVersionsHasSnowflakesColumnsAndNeverNullJson() {
    createChurn();
    sql.run("ALTER MODEL churn MODIFY VERSION v3 SET COMMENT = 'wine'");

    ModelSql.Result result = sql.run("SHOW VERSIONS IN MODEL churn");

    assertThat(result.columnNames())
        .containsExactly(
            "created_on",
            "name",
            "aliases",
            "database_name",
            "schema_name",
            "model_name",
            "is_default_version",
            "functions",
            "metadata",
            "user_data",
            "model_attributes",
            "size",
            "environment",
            "runnable_in",
            "inference_services",
            "comment");
    List<Map<String, @Nullable Object>> rows = result.maps();
    assertThat(result.column("name")).containsExactly("V1", "V2", "V3");
    assertThat(result.column("aliases"))
        .containsExactly("[\"DEFAULT\",\"FIRST\"]", "[]", "[\"LAST\"]");
    assertThat(result.column("is_default_version")).containsExactly(true, false, false);
    assertThat(result.column("functions")).containsOnly("[\"PREDICT\"]");
    assertThat(result.column("metadata")).containsOnly("{}");
    assertThat(result.column("user_data")).containsOnly("{}");
    assertThat(result.column("inference_services")).containsOnly("[]");
    assertThat(result.column("runnable_in")).containsOnly("[\"WAREHOUSE\"]");
    assertThat(result.column("comment")).containsExactly(null, null, "wine");
    assertThat(rows.get(2))
        .containsEntry("model_name", "CHURN")
        .containsEntry("database_name", "QUIVER")
        .containsEntry("schema_name", "PUBLIC");
    ModelVersionInfo v2 =
        sql.registry()
            .requireModel(new ObjectName("QUIVER", "PUBLIC", "CHURN"))
            .requireVersion("V2");
    assertThat(rows.get(1).get("size")).isEqualTo(v2.size());
    assertThat(v2.size()).isGreaterThan(SharedModels.bytes(IRIS_GEMM).length);
  }

  @Test
  void showVersionsFiltersByLikeAndNeedsAModel() {
    createChurn();

    assertThat(sql.run("SHOW VERSIONS LIKE 'v_' IN MODEL churn").rows()).hasSize(3);
    assertThat(sql.run("SHOW VERSIONS LIKE '%3' IN MODEL churn").column("name"))
        .containsExactly("V3");
    assertThat(sql.fails("SHOW VERSIONS"))
        .hasMessage(
            "SHOW VERSIONS lists the contents of a model; write SHOW VERSIONS IN MODEL <name>");
  }

  @Test
  void showFunctionsListsTheMethodsOfTheDefaultOrNamedVersion() {
    createChurn();
    sql.run("ALTER MODEL churn SET DEFAULT_VERSION = v2");

    ModelSql.Result result = sql.run("SHOW FUNCTIONS IN MODEL churn");

    assertThat(result.columnNames())
        .containsExactly(
            "created_on",
            "name",
            "version_name",
            "min_num_arguments",
            "max_num_arguments",
            "arguments",
            "return_type",
            "description",
            "language");
    assertThat(result.single())
        .containsEntry("name", "PREDICT")
        .containsEntry("version_name", "V2")
        .containsEntry("min_num_arguments", 1)
        .containsEntry("max_num_arguments", 4)
        .containsEntry("arguments", "PREDICT(input ARRAY(REAL)) RETURN OBJECT")
        .containsEntry("return_type", "OBJECT")
        .containsEntry("language", "ONNX");
    assertThat(sql.run("SHOW FUNCTIONS IN MODEL churn VERSION v3").single())
        .containsEntry("version_name", "V3")
        .containsEntry("max_num_arguments", 13);
    assertThat(sql.run("SHOW FUNCTIONS LIKE 'x%' IN MODEL churn").rows()).isEmpty();
  }

  @Test
  void showFunctionsCountsArgumentsOfEachInputLayout() {
    sql.run("CREATE MODEL multi FROM " + SharedModels.literal(MULTITYPE));
    sql.run("CREATE MODEL mnist FROM " + SharedModels.literal(MNIST));

    assertThat(sql.run("SHOW FUNCTIONS IN MODEL multi").single())
        .containsEntry("min_num_arguments", 2)
        .containsEntry("max_num_arguments", 2)
        .containsEntry("arguments", "PREDICT(InputA SMALLINT, InputB ARRAY(DOUBLE)) RETURN OBJECT");
    assertThat(sql.run("SHOW FUNCTIONS IN MODEL mnist").single())
        .containsEntry("min_num_arguments", 1)
        .containsEntry("max_num_arguments", 784);
  }

  @Test
  void describeModelShowsEveryVersionAndMethodWithItsSignature() throws Exception {
    sql.run("CREATE MODEL multi WITH VERSION v1 FROM " + SharedModels.literal(MULTITYPE));
    sql.run("ALTER MODEL multi ADD VERSION v2 FROM " + SharedModels.literal(IRIS_FOREST));

    ModelSql.Result result = sql.run("DESCRIBE MODEL multi");

    assertThat(result.columnNames())
        .containsExactly(
            "created_on",
            "version_name",
            "aliases",
            "is_default_version",
            "method_name",
            "function_type",
            "arguments",
            "return_type",
            "inputs",
            "outputs");
    assertThat(result.column("version_name")).containsExactly("V1", "V2");
    assertThat(result.column("method_name")).containsOnly("PREDICT");
    assertThat(result.column("is_default_version")).containsExactly(true, false);
    ObjectMapper json = new ObjectMapper();
    JsonNode inputs = json.readTree((String) result.maps().get(0).get("inputs"));
    JsonNode outputs = json.readTree((String) result.maps().get(0).get("outputs"));
    assertThat(inputs.toString())
        .isEqualTo(
            "[{\"name\":\"InputA\",\"type\":\"uint8\",\"shape\":[1,1,1]},"
                + "{\"name\":\"InputB\",\"type\":\"double\",\"shape\":[1,2,2]}]");
    assertThat(outputs.get(0).get("name").asText()).isEqualTo("OutputA");
    assertThat(outputs.get(0).get("type").asText()).isEqualTo("int16");
    assertThat(outputs.get(1).get("shape").toString()).isEqualTo("[1,1,1]");
    JsonNode zipMap = json.readTree((String) result.maps().get(1).get("outputs")).get(1);
    assertThat(zipMap.get("kind").asText()).isEqualTo("ZIPMAP");
    assertThat(sql.fails("DESCRIBE MODEL missing").getMessage())
        .startsWith("Model QUIVER.PUBLIC.MISSING does not exist");
  }

  @Test
  void showReportsScopesAndVersionsThatDoNotFit() {
    createChurn();

    assertThat(sql.fails("SHOW FUNCTIONS IN MODEL churn VERSION v9").getMessage())
        .startsWith(
            "Model QUIVER.PUBLIC.CHURN has no version or alias V9; versions are V1, V2, V3");
    assertThat(sql.fails("SHOW MODELS IN MODEL churn"))
        .hasMessage(
            "SHOW MODELS lists schema objects; write IN ACCOUNT, IN DATABASE [name] or IN SCHEMA"
                + " [name], not IN MODEL");
    assertThat(sql.fails("SHOW VERSIONS IN MODEL missing").getMessage())
        .startsWith("Model QUIVER.PUBLIC.MISSING does not exist");
  }
}
