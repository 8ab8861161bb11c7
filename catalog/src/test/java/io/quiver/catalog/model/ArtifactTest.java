package io.quiver.catalog.model;

import static io.quiver.catalog.model.SharedModels.IRIS_FOREST;
import static io.quiver.catalog.model.SharedModels.IRIS_GEMM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.catalog.ObjectName;
import io.quiver.parser.SqlArtifactCommand;
import io.quiver.runtime.signature.MethodSignature;
import io.quiver.runtime.signature.OnnxModelInspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content-addressed artifacts, LIST and GET, and the deletion of files no version uses. */
class ArtifactTest {
  private static final ObjectName CHURN = new ObjectName("QUIVER", "PUBLIC", "CHURN");

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
    sql.run("CREATE MODEL churn WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
  }

  /**
   * GET's statement, built as the parser's node: its grammar does not yet accept two string
   * literals in a row.
   */
  private ModelSql.Result get(String location, Path folder) {
    SqlArtifactCommand get =
        SqlArtifactCommand.get(
            SqlParserPos.ZERO,
            SqlLiteral.createCharString(location, SqlParserPos.ZERO),
            SqlLiteral.createCharString("file://" + folder + "/", SqlParserPos.ZERO));
    return sql.run(get);
  }

  @Test
  void listShowsEachFileOfAVersion() throws Exception {
    createChurn();
    byte[] model = SharedModels.bytes(IRIS_FOREST);

    ModelSql.Result result = sql.run("LIST 'snow://model/churn/versions/V1/'");

    assertThat(result.columnNames()).containsExactly("name", "size", "md5", "last_modified");
    assertThat(result.column("name"))
        .containsExactly("versions/V1/manifest.json", "versions/V1/model.onnx");
    Map<String, @Nullable Object> onnx = result.maps().get(1);
    assertThat(onnx.get("size")).isEqualTo((long) model.length);
    assertThat(onnx.get("md5")).isEqualTo(digest("MD5", model));
    DateTimeFormatter.RFC_1123_DATE_TIME.parse((String) onnx.get("last_modified"));
    assertThat(sql.run("LIST 'snow://model/churn/versions/V1/model'").column("name"))
        .containsExactly("versions/V1/model.onnx");
  }

  @Test
  void locationsTakeQualifiedAndQuotedModelNamesAndAliases() {
    sql.store().catalog().createSchema("QUIVER", "ML", false, false);
    sql.run("CREATE MODEL ml.\"Churn\" WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
    sql.run("ALTER MODEL ml.\"Churn\" VERSION v1 SET ALIAS = prod");

    for (String model : List.of("quiver.ml.\"Churn\"", "ML.\"Churn\"", "\"QUIVER\".ml.\"Churn\"")) {
      assertThat(sql.run("LIST 'snow://model/" + model + "/versions/PROD/'").rows()).hasSize(2);
    }
    assertThat(sql.fails("LIST 'snow://model/ml.churn/versions/V1/'").getMessage())
        .startsWith("Model QUIVER.ML.CHURN does not exist");
  }

  @Test
  void refusesLocationsThatNameNoVersion() {
    createChurn();

    assertThat(sql.fails("LIST 'snow://stage/churn/'"))
        .hasMessage(
            "Location 'snow://stage/churn/' does not name a model version's files; write"
                + " 'snow://model/<model>/versions/<version>/[<file>]'");
    assertThat(sql.fails("LIST 'snow://model/churn/files/V1/'").getMessage())
        .startsWith("Location 'snow://model/churn/files/V1/' does not name");
    assertThat(sql.fails("LIST 'snow://model/churn/versions/V9/'"))
        .hasMessage(
            "Model QUIVER.PUBLIC.CHURN has no version or alias V9; versions are V1, aliases are"
                + " DEFAULT, FIRST, LAST");
  }

  @Test
  void getWritesTheFilesToALocalFolder(@TempDir Path folder) throws Exception {
    createChurn();

    ModelSql.Result one = get("snow://model/churn/versions/V1/model.onnx", folder);
    assertThat(one.columnNames()).containsExactly("file", "size", "status", "message");
    assertThat(one.single())
        .containsEntry("file", "model.onnx")
        .containsEntry("status", "DOWNLOADED");
    assertThat(Files.readAllBytes(folder.resolve("model.onnx")))
        .isEqualTo(SharedModels.bytes(IRIS_FOREST));

    Path all = folder.resolve("all");
    assertThat(get("snow://model/quiver.public.churn/versions/LAST/", all).column("file"))
        .containsExactly("manifest.json", "model.onnx");
    assertThat(Files.exists(all.resolve("manifest.json"))).isTrue();
  }

  @Test
  void getOfAFileThatDoesNotExistListsTheFiles(@TempDir Path folder) {
    createChurn();

    Throwable error =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> get("snow://model/churn/versions/V1/weights.bin", folder));

    assertThat(error)
        .hasMessage(
            "No file of version V1 of model QUIVER.PUBLIC.CHURN matches"
                + " 'snow://model/churn/versions/V1/weights.bin'; its files are manifest.json,"
                + " model.onnx under 'snow://model/QUIVER.PUBLIC.CHURN/versions/V1/'");
  }

  @Test
  void theManifestNamesTheModelFileAndTheMethodsWithTheirSignatures(@TempDir Path folder)
      throws Exception {
    createChurn();
    get("snow://model/churn/versions/V1/manifest.json", folder);

    JsonNode manifest = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());

    byte[] model = SharedModels.bytes(IRIS_FOREST);
    assertThat(manifest.get("manifest_version").asText()).isEqualTo("1.0");
    assertThat(manifest.get("model").get("path").asText()).isEqualTo("model.onnx");
    assertThat(manifest.get("model").get("sha256").asText()).isEqualTo(digest("SHA-256", model));
    JsonNode method = manifest.get("methods").get(0);
    assertThat(method.get("name").asText()).isEqualTo("PREDICT");
    MethodSignature signature = MethodSignature.fromJson(method.get("signature").toString());
    assertThat(signature).isEqualTo(OnnxModelInspector.inspect(model));
  }

  @Test
  void artifactsAreNamedByTheirSha256AndShared() throws Exception {
    createChurn();
    sql.run("CREATE MODEL twin WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
    sql.run("CREATE MODEL copy FROM MODEL churn");

    ResolvedModelVersion churn = sql.registry().resolve(CHURN, null);

    assertThat(churn.checksum()).isEqualTo(digest("SHA-256", SharedModels.bytes(IRIS_FOREST)));
    assertThat(churn.artifact().getFileName().toString()).isEqualTo(churn.checksum());
    assertThat(Files.readAllBytes(churn.artifact())).isEqualTo(SharedModels.bytes(IRIS_FOREST));
    assertThat(sql.registry().resolve(name("TWIN"), null).checksum()).isEqualTo(churn.checksum());
    assertThat(sql.registry().resolve(name("COPY"), null).checksum()).isEqualTo(churn.checksum());
    assertThat(artifactFiles()).hasSize(2);
  }

  @Test
  void aFileIsDeletedOnceNoVersionUsesItAndListenersHear() {
    List<String> released = new ArrayList<>();
    sql.registry().onVersionReleased(released::add);
    createChurn();
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));
    sql.run("CREATE MODEL copy FROM MODEL churn VERSION v2");
    ResolvedModelVersion gemm = sql.registry().resolve(CHURN, "V2");

    sql.run("ALTER MODEL churn DROP VERSION v2");
    assertThat(Files.exists(gemm.artifact())).isTrue();
    assertThat(released).isEmpty();

    sql.run("DROP MODEL copy");
    assertThat(Files.exists(gemm.artifact())).isFalse();
    assertThat(released).contains(gemm.checksum()).hasSize(2);
    assertThat(artifactFiles()).hasSize(2);
  }

  @Test
  void aFailingCreateLeavesNoModelAndNoFile() {
    createChurn();
    List<Path> before = artifactFiles();

    sql.fails("CREATE MODEL churn WITH VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));
    sql.fails("CREATE MODEL other FROM " + SharedModels.literal(IRIS_GEMM) + " METADATA = '[1]'");
    sql.fails("ALTER MODEL churn ADD VERSION v1 FROM " + SharedModels.literal(IRIS_GEMM));

    assertThat(artifactFiles()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(sql.registry().models(ModelScope.account()))
        .extracting(m -> m.name().name())
        .containsExactly("CHURN");
    assertThat(sql.registry().requireModel(CHURN).versionNames()).containsExactly("V1");
  }

  @Test
  void aFailingReplaceKeepsTheModelItWouldReplace() {
    createChurn();
    sql.run("ALTER MODEL churn VERSION v1 SET ALIAS = prod");

    sql.fails("CREATE OR REPLACE MODEL churn FROM MODEL churn VERSION v9");
    sql.fails(
        "CREATE OR REPLACE MODEL churn WITH VERSION \"LAST\" FROM "
            + SharedModels.literal(IRIS_GEMM));

    ModelInfo churn = sql.registry().requireModel(CHURN);
    assertThat(churn.versionNames()).containsExactly("V1");
    assertThat(churn.aliases()).containsEntry("PROD", "V1");
    assertThat(artifactFiles()).hasSize(2);
  }

  @Test
  void replacingAModelFromItsOwnVersionKeepsTheFiles() throws Exception {
    createChurn();
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));

    sql.run("CREATE OR REPLACE MODEL churn WITH VERSION sole FROM MODEL churn VERSION v2");

    ResolvedModelVersion only = sql.registry().resolve(CHURN, null);
    assertThat(only.version()).isEqualTo("SOLE");
    assertThat(Files.readAllBytes(only.artifact())).isEqualTo(SharedModels.bytes(IRIS_GEMM));
    assertThat(artifactFiles()).hasSize(2);
  }

  private List<Path> artifactFiles() {
    try (Stream<Path> files = Files.walk(sql.store().artifactFolder())) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ObjectName name(String model) {
    return new ObjectName("QUIVER", "PUBLIC", model);
  }

  static String digest(String algorithm, byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
  }
}
