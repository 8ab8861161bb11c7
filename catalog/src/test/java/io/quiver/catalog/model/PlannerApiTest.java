package io.quiver.catalog.model;

import static io.quiver.catalog.model.SharedModels.IRIS_FOREST;
import static io.quiver.catalog.model.SharedModels.IRIS_GEMM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.SchemaInfo;
import io.quiver.parser.ModelFunctionName;
import io.quiver.runtime.signature.MethodSignature;
import io.quiver.runtime.signature.OnnxModelInspector;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the planner uses: resolve and functionNames. */
class PlannerApiTest {
  private static final ObjectName CHURN = new ObjectName("QUIVER", "PUBLIC", "CHURN");

  private ModelSql sql;

  @BeforeEach
  void open() {
    sql = ModelSql.inMemory();
    sql.run("CREATE MODEL churn WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
    sql.run("ALTER MODEL churn ADD VERSION v2 FROM " + SharedModels.literal(IRIS_GEMM));
    sql.run("ALTER MODEL churn VERSION v2 SET ALIAS = prod");
  }

  @AfterEach
  void close() {
    sql.close();
  }

  @Test
  void resolveGivesTheVersionItsMethodsAndItsArtifact() throws Exception {
    ResolvedModelVersion prod = sql.registry().resolve(CHURN, "PROD");

    byte[] gemm = SharedModels.bytes(IRIS_GEMM);
    assertThat(prod.model()).isEqualTo(CHURN);
    assertThat(prod.version()).isEqualTo("V2");
    assertThat(prod.methods()).containsExactly(OnnxModelInspector.inspect(gemm));
    assertThat(prod.checksum()).isEqualTo(ArtifactTest.digest("SHA-256", gemm));
    assertThat(Files.readAllBytes(prod.artifact())).isEqualTo(gemm);
    assertThat(sql.registry().resolve(CHURN, null).version()).isEqualTo("V1");
    assertThat(prod.method(MethodSignature.PREDICT).inputs()).hasSize(1);
  }

  @Test
  void resolveNamesWhatExists() {
    assertThatThrownBy(() -> sql.registry().resolve(new ObjectName("QUIVER", "PUBLIC", "X"), null))
        .isInstanceOf(QuiverException.class)
        .hasMessageStartingWith("Model QUIVER.PUBLIC.X does not exist");
    assertThatThrownBy(() -> sql.registry().resolve(CHURN, "V9"))
        .hasMessage(
            "Model QUIVER.PUBLIC.CHURN has no version or alias V9; versions are V1, V2, aliases"
                + " are DEFAULT, FIRST, LAST, PROD");
    assertThatThrownBy(() -> sql.registry().resolve(CHURN, "V1").method("EXPLAIN"))
        .hasMessage(
            "Version V1 of model QUIVER.PUBLIC.CHURN has no method EXPLAIN; its methods are"
                + " PREDICT");
  }

  @Test
  void functionNamesPublishTheDefaultEveryVersionAndEveryAlias() {
    sql.store().catalog().createSchema("QUIVER", "OTHER", false, false);
    sql.run("CREATE MODEL other.elsewhere FROM " + SharedModels.literal(IRIS_FOREST));
    SchemaInfo schema = sql.store().catalog().requireSchema("QUIVER", "PUBLIC");

    assertThat(sql.registry().functionNames(schema))
        .containsExactly(
            new ModelFunctionName("CHURN", "PREDICT", null),
            new ModelFunctionName("CHURN", "PREDICT", "V1"),
            new ModelFunctionName("CHURN", "PREDICT", "V2"),
            new ModelFunctionName("CHURN", "PREDICT", "DEFAULT"),
            new ModelFunctionName("CHURN", "PREDICT", "FIRST"),
            new ModelFunctionName("CHURN", "PREDICT", "LAST"),
            new ModelFunctionName("CHURN", "PREDICT", "PROD"));
    for (ModelFunctionName name : sql.registry().functionNames(schema)) {
      assertThat(ModelFunctionName.decode(name.encode())).contains(name);
      assertThat(sql.registry().resolve(CHURN, name.version()).methods()).isNotEmpty();
    }
  }
}
