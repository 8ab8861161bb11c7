package io.quiver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.tests.conformance.ExpectedOutput.ExpectedTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test case of an ONNX backend node test: {@code test_data_set_0/input_N.pb} for the N-th input
 * of the graph and {@code output_N.pb} for its N-th output.
 */
final class NodeTestData {
  private static final String DATA_SET = "test_data_set_0";

  private NodeTestData() {}

  static ConformanceCase testCase(Path folder, MethodSignature signature) throws IOException {
    List<Tensor> inputs = tensors(folder.resolve(DATA_SET), "input");
    List<Tensor> outputs = tensors(folder.resolve(DATA_SET), "output");

    assertThat(inputs).as("input protobufs of " + folder).hasSameSizeAs(signature.inputNames());
    assertThat(outputs).as("output protobufs of " + folder).hasSameSizeAs(signature.outputs());
    List<ExpectedOutput> expected =
        outputs.stream().<ExpectedOutput>map(ExpectedTensor::new).toList();
    return new ConformanceCase(DATA_SET, ConformanceCase.DEFAULT_TOLERANCE, inputs, expected);
  }

  private static List<Tensor> tensors(Path dataSet, String kind) throws IOException {
    List<Tensor> tensors = new ArrayList<>();
    for (int index = 0; ; index++) {
      Path file = dataSet.resolve(kind + "_" + index + ".pb");
      if (!Files.isRegularFile(file)) {
        return tensors;
      }
      tensors.add(TensorProtoReader.read(Files.readAllBytes(file)));
    }
  }
}
