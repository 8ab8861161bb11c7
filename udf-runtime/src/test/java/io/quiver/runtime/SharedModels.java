package io.quiver.runtime;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quiver.runtime.signature.MethodSignature;
import io.quiver.runtime.signature.OnnxModelInspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party test models, found in {@code shared/models} and {@code shared/bench} beside the
 * repository: the working directory and its parents are searched for a {@code shared} folder. Tests
 * that need them are skipped when they are absent.
 */
public final class SharedModels {
  private SharedModels() {}

  /** The folder holding one folder per model, each with model.onnx and expected.json. */
  public static Path modelsDirectory() {
    return sharedDirectory("models");
  }

  /** The folder holding the benchmark models and bench.json. */
  public static Path benchDirectory() {
    return sharedDirectory("bench");
  }

  /** The model.onnx of a model folder. */
  public static Path modelFile(String model) {
    Path file = modelsDirectory().resolve(model).resolve("model.onnx");
    assumeTrue(Files.isRegularFile(file), "Test model " + file + " is missing");
    return file;
  }

  public static byte[] modelBytes(String model) {
    return read(modelFile(model));
  }

  public static MethodSignature signature(String model) throws InvalidModelException {
    return OnnxModelInspector.inspect(modelBytes(model));
  }

  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path sharedDirectory(String name) {
    for (Path directory = Path.of("").toAbsolutePath();
        directory != null;
        directory = directory.getParent()) {
      Path candidate = directory.resolve("shared").resolve(name);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    assumeTrue(
        false,
        "No shared/"
            + name
            + " folder beside the repository; tests using real models are"
            + " skipped");
    throw new IllegalStateException("unreachable");
  }
}
