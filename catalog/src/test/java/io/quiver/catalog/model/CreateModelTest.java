package io.quiver.catalog.model;

import static io.quiver.catalog.model.SharedModels.IRIS_FOREST;
import static io.quiver.catalog.model.SharedModels.IRIS_GEMM;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.command.PreparedCommand;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateModelTest {
  private ModelSql sql;

  @BeforeEach
  void open() {
    sql = ModelSql.inMemory();
  }

  @AfterEach
  void close() {
    sql.close();
  }

  static ObjectName name(String model) {
    return new ObjectName("QUIVER", "PUBLIC", model);
  }

  @Test
  void createsModelFromServerFileWithItsFirstVersionAsDefault() {
    sql.run("CREATE MODEL churn WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));

    ModelInfo model = sql.registry().requireModel(name("CHURN"));
    assertThat(model.versionNames()).containsExactly("V1");
    assertThat(model.defaultVersion()).isEqualTo("V1");
    ModelVersionInfo version = model.defaultVersionInfo();
    assertThat(version.methodNames()).containsExactly("PREDICT");
    assertThat(version.files())
        .extracting(ArtifactFile::path)
        .containsExactly("manifest.json", "model.onnx");
    assertThat(version.modelFile().size()).isEqualTo(SharedModels.bytes(IRIS_FOREST).length);
  }

  @Test
  void createsModelFromFolderHoldingModelOnnx() {
    String folder = SharedModels.file(IRIS_FOREST).getParent().toString();

    sql.run("CREATE MODEL churn FROM 'file://" + folder + "'");

    assertThat(sql.registry().requireModel(name("CHURN")).versions()).hasSize(1);
  }

  @Test
  void createsModelsFromBytesBoundToParameter() {
    byte[] bytes = SharedModels.bytes(IRIS_FOREST);
    PreparedCommand command = sql.prepare("CREATE MODEL churn WITH VERSION v1 FROM ?");
    assertThat(command.parameterTypes()).containsExactly(PreparedCommand.BINARY_PARAMETER);

    sql.run("CREATE MODEL churn WITH VERSION v1 FROM ?", (Object) bytes);
    sql.run("CREATE MODEL churn2 WITH VERSION v1 FROM ?", new ByteString(bytes));

    String first = sql.registry().resolve(name("CHURN"), null).checksum();
    String second = sql.registry().resolve(name("CHURN2"), null).checksum();
    assertThat(first).isEqualTo(second);
  }

  @Test
  void refusesParameterThatIsNotBytes() {
    QuiverException error = sql.fails("CREATE MODEL churn FROM ?", "not bytes");

    assertThat(error.getMessage())
        .isEqualTo(
            "The model file bound to parameter 1 must be the bytes of an ONNX file, bound with"
                + " setBytes; a String was bound");
    assertThat(sql.registry().model(name("CHURN"))).isEmpty();
  }

  @Test
  void generatesAdjectiveAnimalNumberVersionNameWhenNoneIsGiven() {
    sql.run("CREATE MODEL churn FROM " + SharedModels.literal(IRIS_FOREST));

    String version = sql.registry().requireModel(name("CHURN")).defaultVersion();
    assertThat(version).matches("[A-Z]+_[A-Z]+_[1-9]");
  }

  @Test
  void setsModelCommentAndVersionMetadata() {
    sql.run(
        "CREATE MODEL churn WITH VERSION v1 FROM "
            + SharedModels.literal(IRIS_FOREST)
            + " COMMENT = 'iris forest' METADATA = '{\"metrics\": {\"accuracy\": 0.97}}'");

    ModelInfo model = sql.registry().requireModel(name("CHURN"));
    assertThat(model.comment()).isEqualTo("iris forest");
    assertThat(model.defaultVersionInfo().metadata())
        .isEqualTo("{\"metrics\":{\"accuracy\":0.97}}");
  }

  @Test
  void refusesUnknownAndRepeatedOptions() {
    String file = SharedModels.literal(IRIS_FOREST);

    assertThat(sql.fails("CREATE MODEL churn FROM " + file + " OWNER = 'x'").getMessage())
        .isEqualTo("CREATE MODEL has no option OWNER; valid options are COMMENT, METADATA");
    assertThat(sql.fails("CREATE MODEL churn FROM " + file + " COMMENT = 'a' COMMENT = 'b'"))
        .hasMessage("CREATE MODEL sets option COMMENT twice; set it once");
  }

  @Test
  void refusesModelThatExists() {
    sql.run("CREATE MODEL churn FROM " + SharedModels.literal(IRIS_FOREST));

    QuiverException error = sql.fails("CREATE MODEL churn FROM " + SharedModels.literal(IRIS_GEMM));

    assertThat(error.category()).isEqualTo(QuiverException.Category.ALREADY_EXISTS);
    assertThat(error.getMessage())
        .startsWith("Model QUIVER.PUBLIC.CHURN already exists; use CREATE OR REPLACE MODEL");
  }

  @Test
  void ifNotExistsKeepsTheModelThatExists() {
    sql.run("CREATE MODEL churn WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
    String checksum = sql.registry().resolve(name("CHURN"), null).checksum();

    sql.run(
        "CREATE MODEL IF NOT EXISTS churn WITH VERSION v9 FROM " + SharedModels.literal(IRIS_GEMM));

    ModelInfo model = sql.registry().requireModel(name("CHURN"));
    assertThat(model.versionNames()).containsExactly("V1");
    assertThat(sql.registry().resolve(name("CHURN"), null).checksum()).isEqualTo(checksum);
  }

  @Test
  void orReplaceReplacesTheWholeModel() {
    sql.run("CREATE MODEL churn WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_FOREST));
    sql.run("ALTER MODEL churn VERSION v2 SET ALIAS = prod");

    sql.run(
        "CREATE OR REPLACE MODEL churn WITH VERSION v1 FROM " + SharedModels.literal(IRIS_GEMM));

    ModelInfo model = sql.registry().requireModel(name("CHURN"));
    assertThat(model.versionNames()).containsExactly("V1");
    assertThat(model.aliases()).containsOnlyKeys("DEFAULT", "FIRST", "LAST");
    assertThat(model.defaultVersionInfo().modelFile().size())
        .isEqualTo(SharedModels.bytes(IRIS_GEMM).length);
  }

  @Test
  void refusesOrReplaceWithIfNotExists() {
    QuiverException error =
        sql.fails(
            "CREATE OR REPLACE MODEL IF NOT EXISTS churn FROM "
                + SharedModels.literal(IRIS_FOREST));

    assertThat(error.getMessage())
        .isEqualTo(
            "CREATE OR REPLACE MODEL and IF NOT EXISTS cannot be combined; write one or the other");
  }

  @Test
  void copiesTheDefaultVersionOfAnotherModel() {
    sql.run(
        "CREATE MODEL source WITH VERSION v1 FROM "
            + SharedModels.literal(IRIS_FOREST)
            + " METADATA = '{\"metrics\": {\"f1\": 0.5}}'");
    sql.run("ALTER MODEL source ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));

    sql.run("CREATE MODEL copy WITH VERSION c1 FROM MODEL source");

    ModelVersionInfo copied = sql.registry().requireModel(name("COPY")).defaultVersionInfo();
    ModelVersionInfo original = sql.registry().requireModel(name("SOURCE")).requireVersion("V1");
    assertThat(copied.name()).isEqualTo("C1");
    assertThat(copied.files()).isEqualTo(original.files());
    assertThat(copied.methods()).isEqualTo(original.methods());
    assertThat(copied.metadata()).isEqualTo("{\"metrics\":{\"f1\":0.5}}");
  }

  @Test
  void copiesAVersionNamedByNameOrAlias() {
    sql.run("CREATE MODEL source WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
    sql.run("ALTER MODEL source ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));
    sql.run("ALTER MODEL source VERSION v1 SET ALIAS = stable");
    ModelInfo source = sql.registry().requireModel(name("SOURCE"));
    Map<String, String> expected =
        Map.of("V1", "V1", "V2", "V2", "LAST", "V2", "FIRST", "V1", "STABLE", "V1");

    expected.forEach(
        (given, version) -> {
          String copy = "COPY_" + given;
          sql.run("CREATE MODEL " + copy + " FROM MODEL source VERSION " + given);
          assertThat(sql.registry().requireModel(name(copy)).defaultVersionInfo().files())
              .isEqualTo(source.requireVersion(version).files());
        });
    sql.run("CREATE MODEL copy_default FROM MODEL source VERSION \"DEFAULT\"");
    assertThat(sql.registry().requireModel(name("COPY_DEFAULT")).defaultVersionInfo().files())
        .isEqualTo(source.requireVersion("V1").files());
  }

  @Test
  void keepsTheSourceVersionNameOutOfTheCopyWhenNoneIsGiven() {
    sql.run("CREATE MODEL source WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));

    sql.run("CREATE MODEL copy FROM MODEL source");

    assertThat(sql.registry().requireModel(name("COPY")).defaultVersion())
        .matches("[A-Z]+_[A-Z]+_[1-9]");
  }

  @Test
  void createsModelInAnotherSchemaByQualifiedName() {
    sql.store().catalog().createSchema("QUIVER", "ML", false, false);

    sql.run("CREATE MODEL quiver.ml.churn FROM " + SharedModels.literal(IRIS_FOREST));
    sql.run("CREATE MODEL ml.\"Churn\" FROM " + SharedModels.literal(IRIS_FOREST));

    assertThat(sql.registry().model(new ObjectName("QUIVER", "ML", "CHURN"))).isPresent();
    assertThat(sql.registry().model(new ObjectName("QUIVER", "ML", "Churn"))).isPresent();
    assertThat(sql.registry().model(name("CHURN"))).isEmpty();
  }

  @Test
  void reportsMissingSchemaFileAndSourceModel() {
    assertThat(sql.fails("CREATE MODEL nowhere.churn FROM " + SharedModels.literal(IRIS_FOREST)))
        .hasMessage("Schema QUIVER.NOWHERE does not exist or not authorized");
    assertThat(sql.fails("CREATE MODEL churn FROM '/no/such/model.onnx'").getMessage())
        .startsWith("Model file /no/such/model.onnx does not exist;");
    assertThat(sql.fails("CREATE MODEL churn FROM MODEL missing"))
        .hasMessage("Model QUIVER.PUBLIC.MISSING does not exist or not authorized");
    assertThat(sql.registry().model(name("CHURN"))).isEmpty();
  }

  @Test
  void refusesNamesWithTheFunctionNameSeparator() {
    String file = SharedModels.literal(IRIS_FOREST);

    assertThat(sql.fails("CREATE MODEL \"A!B\" FROM " + file).getMessage())
        .startsWith("Model name \"A!B\" cannot contain '!', which separates model, method and");
    assertThat(sql.fails("CREATE MODEL churn WITH VERSION \"V!1\" FROM " + file).getMessage())
        .startsWith("Version name \"V!1\" cannot contain '!'");
    assertThat(sql.registry().models(ModelScope.account())).isEmpty();
  }
}
