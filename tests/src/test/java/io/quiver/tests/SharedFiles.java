package io.quiver.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared folder beside the repository, holding third-party ONNX models and the benchmark
 * models. Tests that need it skip, saying why, where it is absent.
 */
final class SharedFiles {
  private SharedFiles() {}

  /** {@code shared/<relative>}, or a skipped test when the folder is not there. */
  static Path require(String relative) {
    Path found = find(relative);
    assumeTrue(
        found != null,
        "The shared folder beside the repository (../shared/"
            + relative
            + ") is absent; this test needs its models");
    return found;
  }

  /** The repository's root: the folder holding the quiver launcher. */
  static Path repositoryRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.exists(directory.resolve("quiver"))) {
      directory = directory.getParent();
    }
    if (directory == null) {
      throw new IllegalStateException("No quiver launcher above " + Path.of("").toAbsolutePath());
    }
    return directory;
  }

  static Path find(String relative) {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null) {
      Path candidate = directory.resolveSibling("shared").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
      directory = directory.getParent();
    }
    return null;
  }
}
