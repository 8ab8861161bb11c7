package io.quiver.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line of the benchmark.
 *
 * @param rows rows of the feature table
 * @param dataFolder the store's folder; a temporary one, deleted afterwards, when absent
 * @param modelFolder the folder holding bench.json and the benchmark models
 * @param boundedMemory whether to run only the bounded-memory check (--big)
 * @param rowByRowRows rows the row-by-row scalar function is timed on
 * @param timedRuns timed runs of each measurement after its warm-up; the fastest counts
 */
record BenchmarkOptions(
    int rows,
    Optional<Path> dataFolder,
    Path modelFolder,
    boolean boundedMemory,
    int rowByRowRows,
    int timedRuns) {
  static final String USAGE =
      String.join(
          "\n",
          "Usage: bench/run [--rows N] [--data DIR] [--big] [--heap SIZE] [--no-build]",
          "  --rows N              rows of the feature table (1,000,000; 10,000,000 with --big)",
          "  --data DIR            keep the store in DIR and reuse its table when it has N rows",
          "  --big                 only run m!predict over a big table in a small heap",
          "  --heap SIZE           maximum heap of the JVM (2g; 512m with --big)",
          "  --row-by-row-rows N   rows the row-by-row scalar function is timed on (100,000)",
          "  --timed-runs N        timed runs after each warm-up, the fastest counting (2)",
          "  --models DIR          bench.json and the models (../shared/bench from the root)",
          "  --no-build            run the classes as last built");

  private static final int DEFAULT_ROWS = 1_000_000;
  private static final int DEFAULT_BIG_ROWS = 10_000_000;
  private static final int DEFAULT_ROW_BY_ROW_ROWS = 100_000;
  private static final int DEFAULT_TIMED_RUNS = 2;

  /**
   * Reads the arguments; --heap is the launcher's and is skipped here.
   *
   * @throws IllegalArgumentException naming the argument at fault
   */
  static BenchmarkOptions parse(String[] arguments) {
    Integer rows = null;
    Path dataFolder = null;
    Path modelFolder = Path.of("..", "shared", "bench");
    boolean boundedMemory = false;
    int rowByRowRows = DEFAULT_ROW_BY_ROW_ROWS;
    int timedRuns = DEFAULT_TIMED_RUNS;
    for (int index = 0; index < arguments.length; index++) {
      String name = arguments[index];
      switch (name) {
        case "--big" -> boundedMemory = true;
        case "--rows" -> rows = positive(name, value(arguments, ++index, name));
        case "--data" -> dataFolder = Path.of(value(arguments, ++index, name));
        case "--models" -> modelFolder = Path.of(value(arguments, ++index, name));
        case "--row-by-row-rows" -> rowByRowRows = positive(name, value(arguments, ++index, name));
        case "--timed-runs" -> timedRuns = positive(name, value(arguments, ++index, name));
        case "--heap" -> value(arguments, ++index, name);
        default -> throw new IllegalArgumentException("Unknown argument " + name);
      }
    }

    int tableRows = rows != null ? rows : boundedMemory ? DEFAULT_BIG_ROWS : DEFAULT_ROWS;
    return new BenchmarkOptions(
        tableRows,
        Optional.ofNullable(dataFolder),
        modelFolder,
        boundedMemory,
        Math.min(rowByRowRows, tableRows),
        timedRuns);
  }

  private static String value(String[] arguments, int index, String name) {
    if (index >= arguments.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return arguments[index];
  }

  private static int positive(String name, String text) {
    int number;
    try {
      number = Integer.parseInt(text.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a whole number, not " + text, e);
    }
    if (number < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + number);
    }
    return number;
  }
}
