package io.quiver.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quiver.runtime.TensorProtoReader.Tensor;
import io.quiver.runtime.pipeline.CloseableIterator;
import io.quiver.runtime.session.ModelSessionCache;
import io.quiver.runtime.session.SessionSettings;
import io.quiver.runtime.signature.ArgumentLayout;
import io.quiver.runtime.signature.MethodInput;
import io.quiver.runtime.signature.MethodSignature;
import io.quiver.runtime.signature.OnnxModelInspector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the ONNX backend node tests of shared/models/onnx_node_tests whose inputs all have the rows
 * first, comparing with their output protobufs, and checks that the others are refused with their
 * reason. These cover bool inputs and outputs, string to int64 and rank-3 tensors.
 */
class NodeTestConformanceTest {
  private static final List<String> ROW_WISE =
      List.of(
          "test_ai_onnx_ml_tree_ensemble_single_tree",
          "test_ai_onnx_ml_tree_ensemble_set_membership",
          "test_ai_onnx_ml_label_encoder_string_int",
          "test_ai_onnx_ml_binarizer",
          "test_softmax_example",
          "test_argmax_keepdims_example",
          "test_equal_string",
          "test_where_example");

  @TestFactory
  Stream<DynamicTest> rowWiseNodeTestsGiveTheirExpectedOutputs() {
    return ROW_WISE.stream().map(test -> DynamicTest.dynamicTest(test, () -> check(test)));
  }

  @Test
  void refusesInputsWhoseFirstDimensionsDiffer() throws Exception {
    for (String test :
        List.of("test_gemm_all_attributes", "test_ai_onnx_ml_array_feature_extractor")) {
      MethodSignature signature = OnnxModelInspector.inspect(model(test));

      assertThatThrownBy(() -> ArgumentLayout.accepted(signature))
          .isInstanceOf(ModelInvocationException.class)
          .hasMessageContaining("cannot be called on rows")
          .hasMessageContaining("every input must have the same batch dimension first");
    }
  }

  @Test
  void refusesOpsetSixAtLoad() {
    assertThatThrownBy(() -> OnnxModelInspector.inspect(model("pytorch_converted_test_Linear")))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("ORT_NOT_IMPLEMENTED")
        .hasMessageContaining("Gemm(6)");
  }

  @Test
  void stringNormalizerFailsForLocaleOrForNotKeepingRows() throws Exception {
    String test = "test_strnormalizer_export_monday_casesensintive_lower";

    assertThatThrownBy(() -> run(test))
        .isInstanceOf(ModelInvocationException.class)
        .hasMessageMatching(
            "(?s).*(Failed to construct locale with name:en_US.UTF-8"
                + "|Quiver needs the rows of the batch as its first dimension).*");
  }

  private static void check(String test) throws Exception {
    List<Object[]> results = run(test);
    List<Tensor> expected = tensors(test, "output");

    for (int output = 0; output < expected.size(); output++) {
      Tensor tensor = expected.get(output);
      int valuesPerRow = tensor.values().size() / results.size();
      for (int row = 0; row < results.size(); row++) {
        Object value = results.get(row)[output];
        List<?> actual = value instanceof List<?> list ? list : List.of(value);
        List<Object> wanted = tensor.values().subList(row * valuesPerRow, (row + 1) * valuesPerRow);
        assertThat(actual).as(test + " output " + output + " row " + row).hasSize(valuesPerRow);
        for (int index = 0; index < valuesPerRow; index++) {
          assertClose(test, actual.get(index), wanted.get(index));
        }
      }
    }
  }

  private static void assertClose(String test, Object actual, Object expected) {
    if (expected instanceof Number number && !(expected instanceof Long)) {
      assertThat(((Number) actual).doubleValue())
          .as(test)
          .isCloseTo(number.doubleValue(), within(1e-5));
    } else if (expected instanceof Long number) {
      assertThat(((Number) actual).longValue()).as(test).isEqualTo(number);
    } else {
      assertThat(actual).as(test).isEqualTo(expected);
    }
  }

  private static List<Object[]> run(String test) throws Exception {
    byte[] model = model(test);
    MethodSignature signature = OnnxModelInspector.inspect(model);
    List<Object[]> rows = argumentRows(signature, tensors(test, "input"));
    List<Object[]> results = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        ModelSessionCache sessions = new ModelSessionCache(SessionSettings.defaults())) {
      try (ModelInvoker invoker =
              ModelInvoker.builder("node/" + test, () -> model, signature)
                  .argumentCount(signature.inputs().size())
                  .batchSize(2)
                  .parallelism(2)
                  .allocator(allocator)
                  .sessions(sessions)
                  .open();
          CloseableIterator<Object[]> call = invoker.invoke(rows.iterator())) {
        call.forEachRemaining(results::add);
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
    return results;
  }

  /** One argument per input: a scalar when a row holds one value, else an array. */
  private static List<Object[]> argumentRows(MethodSignature signature, List<Tensor> inputs) {
    int rowCount = inputs.get(0).shape().get(0).intValue();
    List<Object[]> rows = new ArrayList<>();
    for (int row = 0; row < rowCount; row++) {
      Object[] arguments = new Object[inputs.size()];
      for (int index = 0; index < inputs.size(); index++) {
        MethodInput input = signature.inputs().get(index);
        List<Object> values = inputs.get(index).values();
        int valuesPerRow = values.size() / rowCount;
        List<Object> slice = values.subList(row * valuesPerRow, (row + 1) * valuesPerRow);
        arguments[index] = input.valuesPerRow() == 1 ? slice.get(0) : List.copyOf(slice);
      }
      rows.add(arguments);
    }
    return rows;
  }

  private static List<Tensor> tensors(String test, String kind) {
    Path folder = folder(test).resolve("test_data_set_0");
    List<Tensor> tensors = new ArrayList<>();
    for (int index = 0; folder.resolve(kind + "_" + index + ".pb").toFile().isFile(); index++) {
      tensors.add(
          TensorProtoReader.read(SharedModels.read(folder.resolve(kind + "_" + index + ".pb"))));
    }
    return tensors;
  }

  private static byte[] model(String test) {
    return SharedModels.read(folder(test).resolve("model.onnx"));
  }

  private static Path folder(String test) {
    return SharedModels.modelsDirectory().resolve("onnx_node_tests").resolve(test);
  }
}
