package io.quiver.tests.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The third-party ONNX models of {@code shared/models}, the folder beside the repository. Each
 * model is a folder with {@code model.onnx} and {@code expected.json}; each ONNX backend node test
 * is a folder of {@code onnx_node_tests} with {@code test_data_set_0}. Tests that need them skip,
 * saying why, where the folder is absent.
 */
final class SharedModels {
  static final String NODE_TESTS = "onnx_node_tests";

  private SharedModels() {}

  /** The models folder, or a skipped test when it is not there. */
  static Path directory() {
    Path found = find();
    assumeTrue(
        found != null,
        "The shared folder beside the repository (../shared/models) is absent;"
            + " the SQL conformance tests need its models");
    return found;
  }

  /**
   * The names of every model: the folder name of each model with an expected.json, then {@code
   * onnx_node_tests/<test>} for each node test, each group sorted.
   */
  static List<String> names() {
    Path directory = directory();
    Stream<String> models =
        folders(directory)
            .filter(folder -> Files.isRegularFile(folder.resolve("expected.json")))
            .map(folder -> folder.getFileName().toString());
    Stream<String> nodeTests =
        folders(directory.resolve(NODE_TESTS))
            .filter(folder -> Files.isDirectory(folder.resolve("test_data_set_0")))
            .map(folder -> NODE_TESTS + "/" + folder.getFileName());
    return Stream.concat(models, nodeTests).toList();
  }

  static Path folder(String model) {
    return directory().resolve(model);
  }

  static boolean isNodeTest(String model) {
    return model.startsWith(NODE_TESTS + "/");
  }

  private static Stream<Path> folders(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      return children.filter(Files::isDirectory).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path find() {
    for (Path directory = Path.of("").toAbsolutePath();
        directory != null;
        directory = directory.getParent()) {
      Path candidate = directory.resolveSibling("shared").resolve("models");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
