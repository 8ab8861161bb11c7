package io.quiver.runtime.signature;

import static io.quiver.runtime.SharedModels.modelBytes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.runtime.InvalidModelException;
import io.quiver.runtime.SharedModels;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnnxModelInspectorTest {
  @Test
  void rejectsTruncatedModelWithOnnxRuntimeReason() {
    byte[] model = modelBytes("skl_randomforest_iris");
    byte[] truncated = Arrays.copyOf(model, model.length / 2);

    assertThatThrownBy(() -> OnnxModelInspector.inspect(truncated))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageStartingWith("Not a loadable ONNX model: ")
        .hasMessageContaining("ORT_INVALID_PROTOBUF")
        .hasMessageContaining("protobuf parsing failed");
  }

  @Test
  void rejectsRandomBytesWithOnnxRuntimeReason() {
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);

    assertThatThrownBy(() -> OnnxModelInspector.inspect(garbage))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageStartingWith("Not a loadable ONNX model: ")
        .hasMessageContaining("ORT_INVALID_PROTOBUF");
  }

  @Test
  void rejectsEmptyArtifact() {
    assertThatThrownBy(() -> OnnxModelInspector.inspect(new byte[0]))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageStartingWith("Not a loadable ONNX model: ")
        .hasMessageContaining("the byte array is zero length");
  }

  @Test
  void rejectsOpsetOlderThanOnnxRuntimeSupports() {
    byte[] model =
        SharedModels.read(
            SharedModels.modelsDirectory()
                .resolve("onnx_node_tests/pytorch_converted_test_Linear/model.onnx"));

    assertThatThrownBy(() -> OnnxModelInspector.inspect(model))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageStartingWith("Not a loadable ONNX model: ")
        .hasMessageContaining("Could not find an implementation for Gemm(6)");
  }
}
