package io.quiver.runtime.signature;

import static io.quiver.runtime.SharedModels.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodSignatureTest {
  @Test
  void readsFloatClassifierWithZipMapOutput() throws Exception {
    MethodSignature signature = signature("skl_randomforest_iris");

    assertThat(signature.method()).isEqualTo("PREDICT");
    assertThat(signature.inputs())
        .containsExactly(new MethodInput("X", ElementType.FLOAT, List.of(-1L, 4L)));
    assertThat(signature.outputs())
        .containsExactly(
            MethodOutput.tensor("output_label", ElementType.INT64, List.of(-1L)),
            MethodOutput.zipMap("output_probability", ElementType.INT64, ElementType.FLOAT));
    assertThat(signature.outputs())
        .extracting(MethodOutput::sqlTypeName)
        .containsExactly("BIGINT", "MAP(BIGINT, DOUBLE)");
  }

  @Test
  void writesStableJson() throws Exception {
    MethodSignature signature = signature("skl_randomforest_iris");

    assertThat(signature.toJson())
        .isEqualTo(
            "{\"method\":\"PREDICT\","
                + "\"inputs\":[{\"name\":\"X\",\"type\":\"float\",\"shape\":[-1,4]}],"
                + "\"outputs\":[{\"name\":\"output_label\",\"kind\":\"TENSOR\","
                + "\"type\":\"int64\",\"shape\":[-1]},"
                + "{\"name\":\"output_probability\",\"kind\":\"ZIPMAP\",\"shape\":[-1],"
                + "\"keyType\":\"int64\",\"valueType\":\"float\"}]}");
  }

  @Test
  void readsRegressorWithScalarOutput() throws Exception {
    MethodSignature signature = signature("xgb_regressor_wine");

    assertThat(signature.inputs())
        .containsExactly(new MethodInput("input", ElementType.FLOAT, List.of(-1L, 13L)));
    MethodOutput output = signature.outputs().get(0);
    assertThat(output)
        .isEqualTo(MethodOutput.tensor("variable", ElementType.FLOAT, List.of(-1L, 1L)));
    assertThat(output.returnsScalar()).isTrue();
    assertThat(output.sqlTypeName()).isEqualTo("REAL");
  }

  @Test
  void readsMultiInputMultiTypeTorchModel() throws Exception {
    MethodSignature signature = signature("multitype_two_in_two_out_torch");

    assertThat(signature.inputs())
        .containsExactly(
            new MethodInput("InputA", ElementType.UINT8, List.of(1L, 1L, 1L)),
            new MethodInput("InputB", ElementType.DOUBLE, List.of(1L, 2L, 2L)));
    assertThat(signature.outputs())
        .containsExactly(
            MethodOutput.tensor("OutputA", ElementType.INT16, List.of(1L, 2L, 2L)),
            MethodOutput.tensor("OutputB", ElementType.INT64, List.of(1L, 1L, 1L)));
    assertThat(signature.outputs())
        .extracting(MethodOutput::sqlTypeName)
        .containsExactly("ARRAY(SMALLINT)", "BIGINT");
    assertThat(signature.inputs())
        .extracting(MethodInput::sqlTypeName)
        .containsExactly("SMALLINT", "ARRAY(DOUBLE)");
  }

  @Test
  void readsStringModels() throws Exception {
    MethodSignature identity = signature("identity_string_tf2onnx");
    MethodSignature zipMap = signature("zipmap_string_labels");

    assertThat(identity.inputs())
        .containsExactly(new MethodInput("input:0", ElementType.STRING, List.of(2L, 2L)));
    assertThat(identity.outputs().get(0).sqlTypeName()).isEqualTo("ARRAY(VARCHAR)");
    assertThat(zipMap.outputs())
        .containsExactly(MethodOutput.zipMap("y", ElementType.STRING, ElementType.FLOAT));
    assertThat(zipMap.outputs().get(0).sqlTypeName()).isEqualTo("MAP(VARCHAR, DOUBLE)");
  }

  @Test
  void readsSymbolicDimensionsAsMinusOne() throws Exception {
    MethodSignature signature = signature("skl_treeclassifier_softmax");

    assertThat(signature.inputs().get(0).shape()).containsExactly(-1L, -1L);
    assertThat(signature.inputs().get(0).valuesPerRow()).isEqualTo(-1);
    assertThat(signature.outputs().get(1).sqlTypeName()).isEqualTo("ARRAY(REAL)");
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    for (String model :
        List.of(
            "skl_randomforest_iris",
            "multitype_two_in_two_out_torch",
            "zipmap_string_labels",
            "identity_string_tf2onnx")) {
      MethodSignature signature = signature(model);

      assertThat(MethodSignature.fromJson(signature.toJson())).isEqualTo(signature);
    }
  }

  @Test
  void rejectsInvalidJsonNamingTheProblem() {
    String unknownType =
        "{\"method\":\"PREDICT\",\"inputs\":[{\"name\":\"x\",\"type\":\"float16\","
            + "\"shape\":[-1]}],\"outputs\":[{\"name\":\"y\",\"kind\":\"TENSOR\","
            + "\"type\":\"float\",\"shape\":[-1]}]}";

    assertThatThrownBy(() -> MethodSignature.fromJson(unknownType))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Unknown element type 'float16'")
        .hasMessageContaining("valid types are float, double, int64");
    assertThatThrownBy(() -> MethodSignature.fromJson("{\"method\":\"PREDICT\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a valid method signature");
  }

  @Test
  void findsOutputsByName() throws Exception {
    MethodSignature signature = signature("skl_randomforest_iris");

    assertThat(signature.outputIndex("output_probability")).isEqualTo(1);
    assertThatThrownBy(() -> signature.outputIndex("label"))
        .hasMessage(
            "Method PREDICT has no output 'label'; its outputs are"
                + " [output_label, output_probability]");
  }
}
