package io.quiver.catalog.model;

import static io.quiver.catalog.model.SharedModels.IRIS_FOREST;
import static io.quiver.catalog.model.SharedModels.IRIS_GEMM;
import static io.quiver.catalog.model.SharedModels.WINE_REGRESSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Versions, the default version, and user and system aliases. */
class VersionLifecycleTest {
  private static final ObjectName CHURN = new ObjectName("QUIVER", "PUBLIC", "CHURN");

  private ModelSql sql;

  @BeforeEach
  void open() {
    sql = ModelSql.inMemory();
    sql.run("CREATE MODEL churn WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
  }

  @AfterEach
  void close() {
    sql.close();
  }

  private ModelInfo churn() {
    return sql.registry().requireModel(CHURN);
  }

  private void addVersions() {
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));
    sql.run("ALTER MODEL churn ADD VERSION v3 FROM " + SharedModels.literal(WINE_REGRESSOR));
  }

  @Test
  void addingVersionsKeepsTheDefaultAndMovesLast() {
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));

    assertThat(churn().aliases())
        .containsExactly(entry("DEFAULT", "V1"), entry("FIRST", "V1"), entry("LAST", "V2"));
    assertThat(sql.run("SHOW VERSIONS IN MODEL churn").column("aliases"))
        .containsExactly("[\"DEFAULT\",\"FIRST\"]", "[\"LAST\"]");
  }

  @Test
  void droppingVersionsMovesFirstAndLastByCreationOrder() {
    addVersions();
    sql.run("ALTER MODEL churn SET DEFAULT_VERSION = v2");

    sql.run("ALTER MODEL churn DROP VERSION v1");
    assertThat(churn().aliases()).contains(entry("FIRST", "V2"), entry("LAST", "V3"));

    sql.run("ALTER MODEL churn DROP VERSION v3");
    assertThat(churn().aliases())
        .containsExactly(entry("DEFAULT", "V2"), entry("FIRST", "V2"), entry("LAST", "V2"));
  }

  @Test
  void theDefaultVersionCannotBeDropped() {
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));

    QuiverException error = sql.fails("ALTER MODEL churn DROP VERSION v1");

    assertThat(error.category()).isEqualTo(QuiverException.Category.IN_USE);
    assertThat(error.getMessage())
        .isEqualTo(
            "Version V1 is the default version of model QUIVER.PUBLIC.CHURN and cannot be"
                + " dropped; make another version the default first with ALTER MODEL"
                + " QUIVER.PUBLIC.CHURN SET DEFAULT_VERSION = <version>, or drop the model");
    assertThat(churn().versionNames()).containsExactly("V1", "V2");
  }

  @Test
  void droppingAVersionThatDoesNotExistListsTheVersions() {
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));

    assertThat(sql.fails("ALTER MODEL churn DROP VERSION v9"))
        .hasMessage("Model QUIVER.PUBLIC.CHURN has no version V9; versions are V1, V2");
  }

  @Test
  void setsTheDefaultVersionByBareQuotedOrAliasName() {
    addVersions();
    sql.run("ALTER MODEL churn VERSION v3 SET ALIAS = prod");

    sql.run("ALTER MODEL churn SET DEFAULT_VERSION = v2");
    assertThat(churn().defaultVersion()).isEqualTo("V2");
    sql.run("ALTER MODEL churn SET DEFAULT_VERSION = 'V1'");
    assertThat(churn().defaultVersion()).isEqualTo("V1");
    sql.run("ALTER MODEL churn SET DEFAULT_VERSION = prod");
    assertThat(churn().defaultVersion()).isEqualTo("V3");
  }

  @Test
  void settingAnUnknownDefaultVersionListsVersionsAndAliases() {
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));
    sql.run("ALTER MODEL churn VERSION v2 SET ALIAS = prod");

    assertThat(sql.fails("ALTER MODEL churn SET DEFAULT_VERSION = v9"))
        .hasMessage(
            "Model QUIVER.PUBLIC.CHURN has no version or alias V9; versions are V1, V2,"
                + " aliases are DEFAULT, FIRST, LAST, PROD");
  }

  @Test
  void systemAliasesResolveWhereverAVersionNameIsAccepted() {
    addVersions();
    sql.run("ALTER MODEL churn SET DEFAULT_VERSION = v2");

    assertThat(sql.registry().resolve(CHURN, "DEFAULT").version()).isEqualTo("V2");
    assertThat(sql.registry().resolve(CHURN, "FIRST").version()).isEqualTo("V1");
    assertThat(sql.registry().resolve(CHURN, "LAST").version()).isEqualTo("V3");
    assertThat(sql.run("SHOW FUNCTIONS IN MODEL churn VERSION last").column("version_name"))
        .containsExactly("V3");
    sql.run("ALTER MODEL churn MODIFY VERSION first SET COMMENT = 'oldest'");
    assertThat(churn().requireVersion("V1").comment()).isEqualTo("oldest");
    sql.run("ALTER MODEL churn VERSION last SET ALIAS = newest");
    assertThat(churn().requireVersion("V3").alias()).isEqualTo("NEWEST");
    sql.run("CREATE MODEL copy FROM MODEL churn VERSION first");
    ModelInfo copy = sql.registry().requireModel(new ObjectName("QUIVER", "PUBLIC", "COPY"));
    assertThat(copy.defaultVersionInfo().files()).isEqualTo(churn().requireVersion("V1").files());
    assertThat(sql.run("LIST 'snow://model/churn/versions/DEFAULT/'").column("name"))
        .containsExactly("versions/V2/manifest.json", "versions/V2/model.onnx");
    sql.run("ALTER MODEL churn SET DEFAULT_VERSION = last");
    assertThat(churn().defaultVersion()).isEqualTo("V3");
  }

  @Test
  void userAliasesResolveWhereverAVersionNameIsAccepted() {
    addVersions();

    sql.run("ALTER MODEL churn VERSION v2 SET ALIAS = prod");

    assertThat(sql.registry().resolve(CHURN, "PROD").version()).isEqualTo("V2");
    assertThat(sql.run("SHOW FUNCTIONS IN MODEL churn VERSION prod").column("version_name"))
        .containsExactly("V2");
    sql.run("ALTER MODEL churn MODIFY VERSION prod SET METADATA = '{\"stage\": \"prod\"}'");
    assertThat(churn().requireVersion("V2").metadata()).isEqualTo("{\"stage\":\"prod\"}");
    assertThat(sql.run("SHOW VERSIONS IN MODEL churn").column("aliases"))
        .containsExactly("[\"DEFAULT\",\"FIRST\"]", "[\"PROD\"]", "[\"LAST\"]");
    assertThat(sql.run("SHOW MODELS").single().get("aliases"))
        .isEqualTo("{\"DEFAULT\":\"V1\",\"FIRST\":\"V1\",\"LAST\":\"V3\",\"PROD\":\"V2\"}");
  }

  @Test
  void aUserAliasIsUniqueWithinItsModel() {
    addVersions();
    sql.run("ALTER MODEL churn VERSION v1 SET ALIAS = prod");
    sql.run("CREATE MODEL other WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));

    assertThat(sql.fails("ALTER MODEL churn VERSION v2 SET ALIAS = prod"))
        .hasMessage(
            "Alias PROD of model QUIVER.PUBLIC.CHURN is already set on version V1; unset it first"
                + " with ALTER MODEL QUIVER.PUBLIC.CHURN VERSION V1 UNSET ALIAS");
    sql.run("ALTER MODEL other VERSION v1 SET ALIAS = prod");
    assertThat(
            sql.registry().resolve(new ObjectName("QUIVER", "PUBLIC", "OTHER"), "PROD").version())
        .isEqualTo("V1");
  }

  @Test
  void aUserAliasCannotShadowAVersionNameOrASystemAlias() {
    addVersions();

    assertThat(sql.fails("ALTER MODEL churn VERSION v1 SET ALIAS = v2"))
        .hasMessage(
            "Alias V2 would hide version V2 of model QUIVER.PUBLIC.CHURN; choose an alias that is"
                + " not a version name");
    for (String system : new String[] {"\"DEFAULT\"", "FIRST", "last"}) {
      assertThat(sql.fails("ALTER MODEL churn VERSION v1 SET ALIAS = " + system).getMessage())
          .endsWith(
              "is a system alias and cannot be a user alias; system aliases are DEFAULT,"
                  + " FIRST, LAST");
    }
    assertThat(churn().aliases()).containsOnlyKeys("DEFAULT", "FIRST", "LAST");
  }

  @Test
  void aVersionHasAtMostOneUserAlias() {
    sql.run("ALTER MODEL churn VERSION v1 SET ALIAS = prod");

    sql.run("ALTER MODEL churn VERSION v1 SET ALIAS = prod");
    QuiverException error = sql.fails("ALTER MODEL churn VERSION v1 SET ALIAS = stable");

    assertThat(error)
        .hasMessage(
            "Version V1 of model QUIVER.PUBLIC.CHURN already has alias PROD, and a version has at"
                + " most one; unset it first with ALTER MODEL QUIVER.PUBLIC.CHURN VERSION V1"
                + " UNSET ALIAS");
    assertThat(churn().requireVersion("V1").alias()).isEqualTo("PROD");
  }

  @Test
  void unsetsAnAliasNamedByItsVersionOrByItself() {
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));
    sql.run("ALTER MODEL churn VERSION v1 SET ALIAS = prod");
    sql.run("ALTER MODEL churn VERSION v2 SET ALIAS = candidate");

    sql.run("ALTER MODEL churn VERSION prod UNSET ALIAS");
    sql.run("ALTER MODEL churn VERSION v2 UNSET ALIAS");

    assertThat(churn().aliases()).containsOnlyKeys("DEFAULT", "FIRST", "LAST");
    assertThat(sql.fails("ALTER MODEL churn VERSION v1 UNSET ALIAS"))
        .hasMessage(
            "Version V1 of model QUIVER.PUBLIC.CHURN has no user alias to unset; aliases are"
                + " DEFAULT, FIRST, LAST");
  }

  @Test
  void systemAliasesCannotBeUnset() {
    assertThat(sql.fails("ALTER MODEL churn VERSION last UNSET ALIAS"))
        .hasMessage(
            "LAST is a system alias and cannot be unset; DEFAULT, FIRST and LAST follow the"
                + " default, oldest and newest versions");
  }

  @Test
  void aNewVersionNameCannotBeTakenByAVersionAnAliasOrASystemAlias() {
    sql.run("ALTER MODEL churn VERSION v1 SET ALIAS = prod");
    String file = SharedModels.literal(IRIS_GEMM);

    assertThat(sql.fails("ALTER MODEL churn ADD VERSION v1 FROM " + file))
        .hasMessage("Model QUIVER.PUBLIC.CHURN already has a version V1; versions are V1");
    assertThat(sql.fails("ALTER MODEL churn ADD VERSION prod FROM " + file))
        .hasMessage(
            "Model QUIVER.PUBLIC.CHURN already has an alias PROD of version V1; choose another"
                + " version name");
    assertThat(sql.fails("ALTER MODEL churn ADD VERSION last FROM " + file))
        .hasMessage(
            "LAST is a system alias and cannot be a version name; system aliases are DEFAULT,"
                + " FIRST, LAST");
    assertThat(churn().versionNames()).containsExactly("V1");
  }

  @Test
  void droppingAVersionDropsItsAlias() {
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));
    sql.run("ALTER MODEL churn VERSION v2 SET ALIAS = prod");

    sql.run("ALTER MODEL churn DROP VERSION v2");
    sql.run("ALTER MODEL churn VERSION v1 SET ALIAS = prod");

    assertThat(churn().aliases()).containsEntry("PROD", "V1");
  }

  @Test
  void addsVersionsCopiedFromAnotherModelWithOptions() {
    sql.run("CREATE MODEL source WITH VERSION s1 FROM " + SharedModels.literal(IRIS_GEMM));

    sql.run(
        "ALTER MODEL churn ADD VERSION v2 FROM MODEL source VERSION s1"
            + " COMMENT = 'copied' METADATA = '{\"origin\": \"source\"}'");

    ModelVersionInfo added = churn().requireVersion("V2");
    assertThat(added.comment()).isEqualTo("copied");
    assertThat(added.metadata()).isEqualTo("{\"origin\":\"source\"}");
    assertThat(added.modelFile().size()).isEqualTo(SharedModels.bytes(IRIS_GEMM).length);
    assertThat(churn().defaultVersion()).isEqualTo("V1");
  }
}
