package io.quiver.catalog.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The third-party ONNX models in {@code shared/models}, beside the repository: the working
 * directory and its parents are searched for a {@code shared} folder. Tests that need them are
 * skipped when it is absent. The files are read where they are, never copied into the repository.
 */
final class SharedModels {
  static final String IRIS_FOREST = "skl_randomforest_iris";
  static final String IRIS_GEMM = "tribuo_logreg_iris_gemm";
  static final String WINE_REGRESSOR = "xgb_regressor_wine";
  static final String MULTITYPE = "multitype_two_in_two_out_torch";
  static final String MNIST = "skl_logreg_mnist_tribuo";

  /** A model ONNX Runtime refuses: it uses Gemm from opset 6, older than any kernel ORT has. */
  static final String UNSUPPORTED_OPSET = "onnx_node_tests/pytorch_converted_test_Linear";

  private SharedModels() {}

  static Path directory() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path candidate = folder.resolve("shared").resolve("models");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    assumeTrue(
        false,
        "No shared/models folder beside the repository; tests that log real ONNX models are"
            + " skipped");
    throw new IllegalStateException("unreachable");
  }

  /** The model.onnx of a model folder, such as {@value #IRIS_FOREST}. */
  static Path file(String model) {
    Path file = directory().resolve(model).resolve("model.onnx");
    assumeTrue(Files.isRegularFile(file), "Test model " + file + " is missing");
    return file;
  }

  static byte[] bytes(String model) {
    try {
      return Files.readAllBytes(file(model));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path as a SQL string literal. */
  static String literal(String model) {
    return "'" + file(model).toString().replace("'", "''") + "'";
  }

  /** Every model.onnx under shared/models. */
  static List<Path> all() {
    try (Stream<Path> files = Files.walk(directory())) {
      return files
          .filter(file -> file.getFileName().toString().equals("model.onnx"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
