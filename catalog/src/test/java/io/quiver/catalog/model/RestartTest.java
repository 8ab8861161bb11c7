package io.quiver.catalog.model;

import static io.quiver.catalog.model.SharedModels.IRIS_FOREST;
import static io.quiver.catalog.model.SharedModels.IRIS_GEMM;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry in a data folder survives a restart, and the restart removes what a crash left. */
class RestartTest {
  private static final ObjectName CHURN = new ObjectName("QUIVER", "PUBLIC", "CHURN");
  private static final String ORPHAN = "0".repeat(64);
  private static final String UNUSED_ROW = "f".repeat(64);

  @TempDir Path folder;

  @Test
  void modelsVersionsAliasesTagsAndFilesSurviveARestart() throws Exception {
    try (ModelSql sql = new ModelSql(Store.openFolder(folder))) {
      sql.run(
          "CREATE MODEL churn WITH VERSION v1 FROM "
              + SharedModels.literal(IRIS_FOREST)
              + " COMMENT = 'iris'");
      sql.run(
          "ALTER MODEL churn ADD VERSION v2 FROM "
              + SharedModels.literal(IRIS_GEMM)
              + " METADATA = '{\"metrics\": {\"accuracy\": 0.9}}'");
      sql.run("ALTER MODEL churn VERSION v2 SET ALIAS = prod");
      sql.run("ALTER MODEL churn SET DEFAULT_VERSION = v2");
      sql.run("CREATE TAG stage");
      sql.run("ALTER MODEL churn SET TAG stage = 'prod'");
    }

    try (ModelSql sql = new ModelSql(Store.openFolder(folder))) {
      ModelInfo churn = sql.registry().requireModel(CHURN);
      assertThat(churn.comment()).isEqualTo("iris");
      assertThat(churn.versionNames()).containsExactly("V1", "V2");
      assertThat(churn.aliases())
          .containsExactly(
              Map.entry("DEFAULT", "V2"),
              Map.entry("FIRST", "V1"),
              Map.entry("LAST", "V2"),
              Map.entry("PROD", "V2"));
      assertThat(churn.requireVersion("V2").metadata())
          .isEqualTo("{\"metrics\":{\"accuracy\":0.9}}");
      assertThat(sql.registry().tags().modelTags(CHURN))
          .containsEntry(new ObjectName("QUIVER", "PUBLIC", "STAGE"), "prod");
      ResolvedModelVersion prod = sql.registry().resolve(CHURN, "PROD");
      assertThat(Files.readAllBytes(prod.artifact())).isEqualTo(SharedModels.bytes(IRIS_GEMM));
    }
  }

  @Test
  void startupDeletesFilesAndRowsNoVersionUses() throws Exception {
    Path artifacts;
    try (ModelSql sql = new ModelSql(Store.openFolder(folder))) {
      sql.run("CREATE MODEL churn FROM " + SharedModels.literal(IRIS_FOREST));
      artifacts = sql.store().artifactFolder();
      insertUnusedArtifactRow(sql.store());
    }
    Files.write(artifacts.resolve(ORPHAN), new byte[] {1, 2, 3});
    Files.write(artifacts.resolve(UNUSED_ROW), new byte[] {4});
    Files.createDirectories(artifacts.resolve("staging"));
    Files.write(artifacts.resolve("staging").resolve("unfinished.tmp"), new byte[] {5});

    try (ModelSql sql = new ModelSql(Store.openFolder(folder))) {
      assertThat(artifacts.resolve(ORPHAN)).doesNotExist();
      assertThat(artifacts.resolve(UNUSED_ROW)).doesNotExist();
      assertThat(artifacts.resolve("staging").resolve("unfinished.tmp")).doesNotExist();
      assertThat(sql.registry().resolve(CHURN, null).artifact()).exists();
      try (Connection connection = sql.store().dataSource().getConnection();
          PreparedStatement count =
              connection.prepareStatement(
                  "SELECT COUNT(*) FROM QUIVER_CATALOG.MODEL_ARTIFACTS WHERE CHECKSUM = ?")) {
        count.setString(1, UNUSED_ROW);
        try (var rows = count.executeQuery()) {
          rows.next();
          assertThat(rows.getLong(1)).isZero();
        }
      }
    }
  }

  /** The row a crash leaves between dropping a version and deleting its file. */
  private static void insertUnusedArtifactRow(Store store) throws Exception {
    try (Connection connection = store.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO QUIVER_CATALOG.MODEL_ARTIFACTS (CHECKSUM, MD5, SIZE, CREATED_ON)"
                    + " VALUES (?, 'md5', 1, CURRENT_TIMESTAMP)")) {
      insert.setString(1, UNUSED_ROW);
      insert.executeUpdate();
    }
  }
}
