package io.quiver.catalog.model;

import static io.quiver.catalog.model.SharedModels.IRIS_FOREST;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.runtime.InvalidModelException;
import io.quiver.runtime.signature.ElementType;
import io.quiver.runtime.signature.MethodInput;
import io.quiver.runtime.signature.MethodOutput;
import io.quiver.runtime.signature.MethodSignature;
import io.quiver.runtime.signature.OnnxModelInspector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OnnxLoggingTest {
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
  void logsEveryModelOnnxRuntimeLoadsAndRefusesTheOthersWithItsReason() throws IOException {
    List<String> refused = new ArrayList<>();
    int logged = 0;
    for (Path file : SharedModels.all()) {
      String model = "M" + (logged + refused.size());
      byte[] bytes = Files.readAllBytes(file);
      String create = "CREATE MODEL " + model + " FROM '" + file + "'";
      try {
        MethodSignature expected = OnnxModelInspector.inspect(bytes);
        sql.run(create);
        ModelVersionInfo version = sql.registry().requireModel(name(model)).defaultVersionInfo();
        assertThat(version.methods()).as("%s", file).containsExactly(expected);
        logged++;
      } catch (InvalidModelException e) {
        assertThat(sql.fails(create))
            .hasMessage("Cannot log model file " + file + ": " + e.getMessage());
        assertThat(sql.registry().model(name(model))).isEmpty();
        refused.add(SharedModels.directory().relativize(file.getParent()).toString());
      }
    }

    assertThat(refused)
        .contains(SharedModels.UNSUPPORTED_OPSET)
        .isSubsetOf(SharedModels.UNSUPPORTED_OPSET, "string_normalizer_two_outputs");
    assertThat(logged).isGreaterThanOrEqualTo(30);
    assertThat(artifactFiles()).hasSize(2 * logged);
  }

  @Test
  void turnsGraphInputsAndOutputsIntoTypedSignatureOfPredict() {
    sql.run("CREATE MODEL iris FROM " + SharedModels.literal(IRIS_FOREST));

    MethodSignature predict =
        sql.registry().resolve(name("IRIS"), null).method(MethodSignature.PREDICT);

    assertThat(predict.inputs())
        .containsExactly(new MethodInput("X", ElementType.FLOAT, List.of(-1L, 4L)));
    assertThat(predict.outputs())
        .containsExactly(
            MethodOutput.tensor("output_label", ElementType.INT64, List.of(-1L)),
            MethodOutput.zipMap("output_probability", ElementType.INT64, ElementType.FLOAT));
  }

  @Test
  void refusesModelOfUnsupportedOpsetWithOnnxRuntimesReason() {
    QuiverException error =
        sql.fails(
            "CREATE MODEL linear FROM " + SharedModels.literal(SharedModels.UNSUPPORTED_OPSET));

    assertThat(error.category()).isEqualTo(QuiverException.Category.INVALID_ARGUMENT);
    assertThat(error.getMessage())
        .contains("Not a loadable ONNX model: ")
        .contains("Could not find an implementation for Gemm(6)");
    assertNothingRegistered();
  }

  @Test
  void refusesCorruptAndTruncatedFiles() {
    byte[] model = SharedModels.bytes(IRIS_FOREST);
    byte[] truncated = Arrays.copyOf(model, model.length / 2);
    byte[] corrupt = "this is not an ONNX model".getBytes(StandardCharsets.UTF_8);

    assertThat(sql.fails("CREATE MODEL iris FROM ?", (Object) truncated).getMessage())
        .startsWith("Cannot log model file bound to parameter 1: Not a loadable ONNX model: ");
    assertThat(sql.fails("CREATE MODEL iris FROM ?", (Object) corrupt).getMessage())
        .startsWith("Cannot log model file bound to parameter 1: Not a loadable ONNX model: ");
    assertNothingRegistered();
  }

  @Test
  void refusesUnloadableVersionAndKeepsTheModel() {
    sql.run("CREATE MODEL iris WITH VERSION v1 FROM " + SharedModels.literal(IRIS_FOREST));
    byte[] model = SharedModels.bytes(IRIS_FOREST);

    sql.fails("ALTER MODEL iris ADD VERSION v2 FROM ?", (Object) Arrays.copyOf(model, 100));

    assertThat(sql.registry().requireModel(name("IRIS")).versionNames()).containsExactly("V1");
    assertThat(artifactFiles()).hasSize(2);
  }

  private void assertNothingRegistered() {
    assertThat(sql.registry().models(ModelScope.account())).isEmpty();
    assertThat(artifactFiles()).isEmpty();
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
}
