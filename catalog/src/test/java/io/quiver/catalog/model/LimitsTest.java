package io.quiver.catalog.model;

import static io.quiver.catalog.model.SharedModels.IRIS_FOREST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.Store;
import io.quiver.runtime.signature.ElementType;
import io.quiver.runtime.signature.MethodInput;
import io.quiver.runtime.signature.MethodOutput;
import io.quiver.runtime.signature.MethodSignature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry's limits, each refused with an error that names it. */
class LimitsTest {
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

  @Test
  void aModelHasAtMost1000Versions() {
    sql.run("CREATE MODEL churn WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
    for (int version = 2; version <= 1000; version++) {
      sql.run("ALTER MODEL churn ADD VERSION v" + version + " FROM MODEL churn");
    }

    QuiverException error = sql.fails("ALTER MODEL churn ADD VERSION v1001 FROM MODEL churn");

    assertThat(error.category()).isEqualTo(QuiverException.Category.LIMIT_EXCEEDED);
    assertThat(error)
        .hasMessage(
            "Model QUIVER.PUBLIC.CHURN has 1000 versions, the limit per model is 1000; drop a"
                + " version with ALTER MODEL QUIVER.PUBLIC.CHURN DROP VERSION <name> first");
    sql.run("ALTER MODEL churn DROP VERSION v2");
    sql.run("ALTER MODEL churn ADD VERSION v1001 FROM MODEL churn");
    assertThat(sql.registry().resolve(CHURN, "LAST").version()).isEqualTo("V1001");
  }

  @Test
  void aMethodHasAtMost500Arguments() {
    sql.run("CREATE MODEL wide FROM ?", (Object) OnnxModels.concat(500));

    QuiverException error = sql.fails("CREATE MODEL wider FROM ?", (Object) OnnxModels.concat(501));

    assertThat(error.category()).isEqualTo(QuiverException.Category.LIMIT_EXCEEDED);
    assertThat(error)
        .hasMessage("Method PREDICT has 501 arguments; the limit is 500 arguments per method");
    assertThat(sql.registry().models(ModelScope.account()))
        .extracting(model -> model.name().name())
        .containsExactly("WIDE");
  }

  @Test
  void aVersionHasAtMost10Methods() {
    List<MethodSignature> methods = new ArrayList<>();
    for (int index = 1; index <= 10; index++) {
      methods.add(method("M" + index, 1));
    }
    ModelLimits.checkMethods(methods);

    methods.add(method("M11", 1));

    assertThatThrownBy(() -> ModelLimits.checkMethods(methods))
        .hasMessage("A model version has 11 methods; the limit is 10 methods per version");
  }

  private static MethodSignature method(String name, int inputs) {
    List<MethodInput> list = new ArrayList<>();
    for (int index = 0; index < inputs; index++) {
      list.add(new MethodInput("x" + index, ElementType.FLOAT, List.of(-1L, 1L)));
    }
    return new MethodSignature(
        name, list, List.of(MethodOutput.tensor("y", ElementType.FLOAT, List.of(-1L))));
  }

  @Test
  void metadataIsLimitedTo100Kilobytes() {
    sql.run("CREATE MODEL churn WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
    String largest = metadataOfBytes(100 * 1024);
    String larger = metadataOfBytes(100 * 1024 + 1);

    sql.run("ALTER MODEL churn MODIFY VERSION v1 SET METADATA = '" + largest + "'");
    QuiverException error =
        sql.fails("ALTER MODEL churn MODIFY VERSION v1 SET METADATA = '" + larger + "'");

    assertThat(error.category()).isEqualTo(QuiverException.Category.LIMIT_EXCEEDED);
    assertThat(error)
        .hasMessage(
            "METADATA has 102401 bytes; the limit is 102400 bytes (100 KB) of metadata, metrics"
                + " included, per version");
    assertThat(sql.registry().requireModel(CHURN).defaultVersionInfo().metadata())
        .isEqualTo(largest);
    assertThat(
            sql.fails(
                    "CREATE MODEL other FROM "
                        + SharedModels.literal(IRIS_FOREST)
                        + " METADATA = '"
                        + larger
                        + "'")
                .category())
        .isEqualTo(QuiverException.Category.LIMIT_EXCEEDED);
  }

  /** A compact metadata object of exactly this many bytes. */
  private static String metadataOfBytes(int bytes) {
    String frame = "{\"notes\":\"\"}";
    return "{\"notes\":\""
        + String.join("", Collections.nCopies(bytes - frame.length(), "n"))
        + "\"}";
  }

  @Test
  void identifiersAreLimitedTo255Characters() {
    String file = SharedModels.literal(IRIS_FOREST);
    String longest = "M".repeat(255);

    sql.run("CREATE MODEL " + longest + " WITH VERSION " + "V".repeat(255) + " FROM " + file);

    QuiverException model = sql.fails("CREATE MODEL " + "M".repeat(256) + " FROM " + file);
    assertThat(model.category()).isEqualTo(QuiverException.Category.LIMIT_EXCEEDED);
    assertThat(model.getMessage()).endsWith("has 256 characters; identifiers are limited to 255");
    assertThat(
            sql.fails(
                    "ALTER MODEL " + longest + " ADD VERSION " + "V".repeat(256) + " FROM " + file)
                .getMessage())
        .startsWith("Version name")
        .endsWith("identifiers are limited to 255");
    assertThat(
            sql.fails("ALTER MODEL " + longest + " VERSION FIRST SET ALIAS = " + "A".repeat(256))
                .getMessage())
        .startsWith("Alias name")
        .endsWith("identifiers are limited to 255");
  }

  @Test
  void theModelSizeLimitIsASystemProperty() {
    System.setProperty(ModelLimits.MAX_MODEL_BYTES_PROPERTY, "1000");
    try (ModelSql small = new ModelSql(Store.openInMemory())) {
      System.clearProperty(ModelLimits.MAX_MODEL_BYTES_PROPERTY);
      byte[] model = SharedModels.bytes(IRIS_FOREST);

      QuiverException error = small.fails("CREATE MODEL iris FROM ?", (Object) model);

      assertThat(small.registry().limits().maxModelBytes()).isEqualTo(1000);
      assertThat(error.category()).isEqualTo(QuiverException.Category.LIMIT_EXCEEDED);
      assertThat(error)
          .hasMessage(
              "Model file bound to parameter 1 has "
                  + model.length
                  + " bytes; the model size limit is 1000 bytes (system property"
                  + " quiver.model.maxBytes)");
      assertThat(
              small
                  .fails("CREATE MODEL iris FROM " + SharedModels.literal(IRIS_FOREST))
                  .getMessage())
          .startsWith("Model file " + SharedModels.file(IRIS_FOREST) + " has " + model.length);
    } finally {
      System.clearProperty(ModelLimits.MAX_MODEL_BYTES_PROPERTY);
    }
    assertThat(sql.registry().limits().maxModelBytes())
        .isEqualTo(ModelLimits.DEFAULT_MAX_MODEL_BYTES);
  }

  @Test
  void theModelSizeLimitMustBeAPositiveNumber() {
    System.setProperty(ModelLimits.MAX_MODEL_BYTES_PROPERTY, "five");
    try {
      assertThatThrownBy(ModelLimits::fromSystemProperties)
          .hasMessage(
              "System property quiver.model.maxBytes must be a number of bytes; it is 'five'");
    } finally {
      System.clearProperty(ModelLimits.MAX_MODEL_BYTES_PROPERTY);
    }
    assertThatThrownBy(() -> new ModelLimits(0))
        .hasMessage("The model size limit must be positive; 0 was given");
  }
}
