package io.quiver.catalog.model;

import static io.quiver.catalog.model.SharedModels.IRIS_FOREST;
import static io.quiver.catalog.model.SharedModels.IRIS_GEMM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ALTER MODEL's properties and renames, MODIFY VERSION, COMMENT ON and DROP MODEL. */
class AlterModelTest {
  private static final ObjectName CHURN = new ObjectName("QUIVER", "PUBLIC", "CHURN");

  private ModelSql sql;

  @BeforeEach
  void open() {
    sql = ModelSql.inMemory();
    sql.run("CREATE MODEL churn WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));
  }

  @AfterEach
  void close() {
    sql.close();
  }

  private ModelInfo churn() {
    return sql.registry().requireModel(CHURN);
  }

  @Test
  void setsCommentWithAlterOrCommentOnAndUnsetsIt() {
    sql.run("ALTER MODEL churn SET COMMENT = 'first'");
    assertThat(churn().comment()).isEqualTo("first");

    sql.run("COMMENT ON MODEL churn IS 'second'");
    assertThat(sql.run("SHOW MODELS").single().get("comment")).isEqualTo("second");

    sql.run("ALTER MODEL churn UNSET COMMENT");
    assertThat(churn().comment()).isNull();
  }

  @Test
  void setsCommentAndDefaultVersionTogetherOrNeither() {
    sql.run("ALTER MODEL churn SET COMMENT = 'both' DEFAULT_VERSION = v2");
    assertThat(churn().comment()).isEqualTo("both");
    assertThat(churn().defaultVersion()).isEqualTo("V2");

    sql.fails("ALTER MODEL churn SET COMMENT = 'neither', DEFAULT_VERSION = v9");

    assertThat(churn().comment()).isEqualTo("both");
    assertThat(churn().defaultVersion()).isEqualTo("V2");
  }

  @Test
  void refusesPropertiesAlterCannotSetOrUnset() {
    assertThat(sql.fails("ALTER MODEL churn SET OWNER = 'x'"))
        .hasMessage(
            "ALTER MODEL ... SET has no option OWNER; valid options are COMMENT, DEFAULT_VERSION");
    assertThat(sql.fails("ALTER MODEL churn UNSET DEFAULT_VERSION"))
        .hasMessage("ALTER MODEL ... UNSET cannot unset DEFAULT_VERSION; it can unset COMMENT");
  }

  @Test
  void renamesWithinItsSchemaAndMovesAcrossSchemas() {
    sql.store().catalog().createSchema("QUIVER", "ARCHIVE", false, false);
    sql.run("ALTER MODEL churn VERSION v2 SET ALIAS = prod");

    sql.run("ALTER MODEL churn RENAME TO attrition");
    assertThat(sql.registry().model(CHURN)).isEmpty();
    sql.run("ALTER MODEL attrition RENAME TO quiver.archive.attrition_2024");

    ObjectName moved = new ObjectName("QUIVER", "ARCHIVE", "ATTRITION_2024");
    ModelInfo model = sql.registry().requireModel(moved);
    assertThat(model.versionNames()).containsExactly("V1", "V2");
    assertThat(sql.registry().resolve(moved, "PROD").version()).isEqualTo("V2");
    assertThat(sql.registry().models(ModelScope.schema("QUIVER", "PUBLIC"))).isEmpty();
  }

  @Test
  void refusesRenameOntoAModelOrIntoAMissingSchema() {
    sql.run("CREATE MODEL other FROM " + SharedModels.literal(IRIS_FOREST));

    assertThat(sql.fails("ALTER MODEL churn RENAME TO other"))
        .hasMessage(
            "Cannot rename model QUIVER.PUBLIC.CHURN to QUIVER.PUBLIC.OTHER: a model of that name"
                + " exists; choose another name or drop it first");
    assertThat(sql.fails("ALTER MODEL churn RENAME TO nowhere.churn"))
        .hasMessage("Schema QUIVER.NOWHERE does not exist or not authorized");
    assertThat(sql.fails("ALTER MODEL churn RENAME TO \"a!b\"").getMessage())
        .startsWith("Model name \"a!b\" cannot contain '!'");
    assertThat(sql.registry().model(CHURN)).isPresent();
  }

  @Test
  void ifExistsSkipsAMissingModelAndPlainAlterReportsIt() {
    sql.run("ALTER MODEL IF EXISTS missing SET COMMENT = 'x'");
    sql.run("ALTER MODEL IF EXISTS missing DROP VERSION v1");

    QuiverException error = sql.fails("ALTER MODEL missing SET COMMENT = 'x'");
    assertThat(error.category()).isEqualTo(QuiverException.Category.NOT_FOUND);
    assertThat(error.getMessage()).startsWith("Model QUIVER.PUBLIC.MISSING does not exist");
  }

  @Test
  void modifiesAndUnsetsVersionCommentAndMetadata() {
    sql.run("ALTER MODEL churn MODIFY VERSION v2 SET COMMENT = 'gemm', METADATA = '{\"a\": 1}'");
    ModelVersionInfo version = churn().requireVersion("V2");
    assertThat(version.comment()).isEqualTo("gemm");
    assertThat(version.metadata()).isEqualTo("{\"a\":1}");

    sql.run("ALTER MODEL churn MODIFY VERSION v2 UNSET COMMENT, METADATA");

    version = churn().requireVersion("V2");
    assertThat(version.comment()).isNull();
    assertThat(version.metadata()).isEqualTo("{}");
    assertThat(version.lastAltered()).isAfterOrEqualTo(version.createdOn());
  }

  @Test
  void metricsRoundTripAsScalarsObjectsAndMatrices() throws Exception {
    String metadata =
        "{\"snowpark_ml_schema_version\": \"2024-01-01\", \"metrics\": {\"accuracy\": 0.97,"
            + " \"per_class\": {\"setosa\": 1.0, \"virginica\": 0.94},"
            + " \"confusion_matrix\": [[50, 0, 0], [0, 47, 3], [0, 2, 48]], \"note\": \"ok\"}}";

    sql.run("ALTER MODEL churn MODIFY VERSION v1 SET METADATA = '" + metadata + "'");

    String shown =
        (String) sql.run("SHOW VERSIONS LIKE 'v1' IN MODEL churn").single().get("metadata");
    ObjectMapper json = new ObjectMapper();
    JsonNode metrics = json.readTree(shown).get("metrics");
    assertThat(json.readTree(shown)).isEqualTo(json.readTree(metadata));
    assertThat(metrics.get("accuracy").asDouble()).isEqualTo(0.97);
    assertThat(metrics.get("per_class").get("virginica").asDouble()).isEqualTo(0.94);
    assertThat(metrics.get("confusion_matrix").get(1).get(2).asInt()).isEqualTo(3);
  }

  @Test
  void metadataMustBeAJsonObjectWithMetricsAsAnObject() {
    String modify = "ALTER MODEL churn MODIFY VERSION v1 SET METADATA = ";

    assertThat(sql.fails(modify + "'[1, 2]'").getMessage())
        .isEqualTo(
            "METADATA must be a JSON object such as '{\"metrics\": {\"accuracy\": 0.9}}'; an"
                + " array was given");
    assertThat(sql.fails(modify + "'\"text\"'").getMessage()).endsWith("a string was given");
    assertThat(sql.fails(modify + "'{\"a\": '").getMessage())
        .startsWith("METADATA is not valid JSON: ");
    assertThat(sql.fails(modify + "'{} {}'").getMessage())
        .startsWith("METADATA is not valid JSON: ");
    assertThat(sql.fails(modify + "'{\"metrics\": [0.9]}'").getMessage())
        .startsWith("METADATA's \"metrics\" must be a JSON object from metric name to value");
    assertThat(churn().requireVersion("V1").metadata()).isEqualTo("{}");
  }

  @Test
  void dropsModelsAndReportsMissingOnes() {
    sql.run("DROP MODEL churn");
    assertThat(sql.registry().model(CHURN)).isEmpty();

    sql.run("DROP MODEL IF EXISTS churn");
    assertThat(sql.fails("DROP MODEL churn").getMessage())
        .startsWith("Model QUIVER.PUBLIC.CHURN does not exist");
  }

  @Test
  void droppingTheSchemaDropsItsModelsAndTheSweepTheirArtifacts() throws Exception {
    sql.store().catalog().createSchema("QUIVER", "ML", false, false);
    sql.run("CREATE MODEL ml.iris FROM " + SharedModels.literal(IRIS_FOREST));
    sql.run("DROP MODEL churn");
    ResolvedModelVersion iris =
        sql.registry().resolve(new ObjectName("QUIVER", "ML", "IRIS"), null);

    sql.store().catalog().dropSchema("QUIVER", "ML", false);
    sql.registry().sweepArtifacts();

    assertThat(sql.registry().models(ModelScope.account())).isEmpty();
    assertThat(Files.exists(iris.artifact())).isFalse();
  }

  @Test
  void reportsWhatAlterStatementsCannotChange() {
    String file = SharedModels.literal(IRIS_FOREST);

    assertThat(sql.fails("COMMENT ON MODEL missing IS 'x'").getMessage())
        .startsWith("Model QUIVER.PUBLIC.MISSING does not exist");
    assertThat(sql.fails("ALTER MODEL churn ADD VERSION v3 FROM " + file + " OWNER = 'x'"))
        .hasMessage("ADD VERSION has no option OWNER; valid options are COMMENT, METADATA");
    assertThat(sql.fails("ALTER MODEL churn MODIFY VERSION v1 SET ALIAS = 'x'"))
        .hasMessage(
            "MODIFY VERSION ... SET has no option ALIAS; valid options are COMMENT, METADATA");
    assertThat(sql.fails("ALTER MODEL churn MODIFY VERSION v9 SET COMMENT = 'x'"))
        .hasMessage(
            "Model QUIVER.PUBLIC.CHURN has no version or alias V9; versions are V1, V2, aliases"
                + " are DEFAULT, FIRST, LAST");
    assertThat(churn().versionNames()).containsExactly("V1", "V2");
  }
}
