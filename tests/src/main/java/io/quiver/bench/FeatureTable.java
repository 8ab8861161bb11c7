package io.quiver.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The table the benchmark reads, FEATURES (F1 to F20 REAL). It is loaded by COPY INTO from CSV
 * files of {@link #ROWS_PER_FILE} rows each, written by a second thread while Quiver loads the
 * previous file. A table that already has the rows asked for is reused: its rows depend only on
 * their count, since the generator's seed is fixed.
 */
final class FeatureTable {
  static final String NAME = "FEATURES";
  static final int ROWS_PER_FILE = 250_000;

  private static final int PROGRESS_ROWS = 1_000_000;
  private static final int CSV_BUFFER_CHARACTERS = 1 << 20;

  private final Connection connection;
  private final int rows;

  /**
   * How the table came to be.
   *
   * @param rows its rows
   * @param reused whether an existing table was kept
   * @param nanos the time loading took
   */
  record Load(int rows, boolean reused, long nanos) {
    String describe() {
      if (reused) {
        return String.format(
            "Table %s: %s rows of %d REAL features, reused from an earlier run",
            NAME, Text.count(rows), FeatureGenerator.FEATURES);
      }
      return String.format(
          "Table %s: %s rows of %d REAL features (seed %d), loaded by COPY INTO from generated CSV"
              + " files of %s rows in %s (%s rows/s)",
          NAME,
          Text.count(rows),
          FeatureGenerator.FEATURES,
          FeatureGenerator.SEED,
          Text.count(ROWS_PER_FILE),
          Text.seconds(nanos),
          Text.count(Math.round(rows / (nanos / 1e9))));
    }
  }

  FeatureTable(Connection connection, int rows) {
    this.connection = connection;
    this.rows = rows;
  }

  /** "f1, f2, ..., f20": the feature columns, as a select list or the arguments of a call. */
  static String columns() {
    StringBuilder list = new StringBuilder();
    for (int feature = 1; feature <= FeatureGenerator.FEATURES; feature++) {
      list.append(feature == 1 ? "" : ", ").append('f').append(feature);
    }
    return list.toString();
  }

  /** Reuses the table if it has the rows asked for; creates and loads it otherwise. */
  Load ensure() throws SQLException, IOException, InterruptedException {
    if (existingRows() == rows) {
      return new Load(rows, true, 0);
    }

    long start = System.nanoTime();
    create();
    Path csvFolder = Files.createTempDirectory("quiver-bench-csv-");
    try {
      loadFiles(csvFolder);
    } finally {
      DataFolder.delete(csvFolder);
    }
    return new Load(rows, false, System.nanoTime() - start);
  }

  private long existingRows() {
    try (Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + NAME)) {
      count.next();
      return count.getLong(1);
    } catch (SQLException absent) {
      return -1;
    }
  }

  private void create() throws SQLException {
    StringBuilder definition = new StringBuilder();
    for (int feature = 1; feature <= FeatureGenerator.FEATURES; feature++) {
      definition.append(feature == 1 ? "" : ", ").append('f').append(feature).append(" REAL");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE TABLE " + NAME + " (" + definition + ")");
    }
  }

  private void loadFiles(Path csvFolder) throws SQLException, IOException, InterruptedException {
    long start = System.nanoTime();
    FeatureGenerator generator = new FeatureGenerator(FeatureGenerator.SEED);
    int files = (rows + ROWS_PER_FILE - 1) / ROWS_PER_FILE;
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<Path> next = writer.submit(() -> writeFile(generator, csvFolder, 0));
      long loaded = 0;
      for (int file = 0; file < files; file++) {
        Path csv = awaitFile(next);
        if (file + 1 < files) {
          int following = file + 1;
          next = writer.submit(() -> writeFile(generator, csvFolder, following));
        }
        loaded += copyInto(csv);
        reportProgress(loaded, start);
      }
      checkLoaded(loaded);
    } finally {
      writer.shutdownNow();
    }
  }

  private void checkLoaded(long loaded) {
    if (loaded != rows) {
      throw new IllegalStateException(
          "COPY INTO loaded " + Text.count(loaded) + " rows of " + Text.count(rows));
    }
  }

  private Path writeFile(FeatureGenerator generator, Path csvFolder, int file) throws IOException {
    Path csv = csvFolder.resolve("features-" + (file % 2) + ".csv");
    int fileRows = Math.min(ROWS_PER_FILE, rows - file * ROWS_PER_FILE);
    StringBuilder lines = new StringBuilder(CSV_BUFFER_CHARACTERS + 1024);
    try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
      out.write(FeatureGenerator.csvHeader());
      for (int row = 0; row < fileRows; row++) {
        generator.appendCsvRow(lines);
        if (lines.length() >= CSV_BUFFER_CHARACTERS) {
          out.append(lines);
          lines.setLength(0);
        }
      }
      out.append(lines);
    }
    return csv;
  }

  private static Path awaitFile(Future<Path> file) throws IOException, InterruptedException {
    try {
      return file.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException failure) {
        throw failure;
      }
      throw new IllegalStateException("Writing a CSV file failed", e.getCause());
    }
  }

  private long copyInto(Path csv) throws SQLException {
    String sql = "COPY INTO " + NAME + " FROM '" + csv + "' HEADER = TRUE";
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong("ROWS_LOADED");
    }
  }

  private void reportProgress(long loaded, long start) {
    boolean milestone = loaded % PROGRESS_ROWS < ROWS_PER_FILE && loaded >= PROGRESS_ROWS;
    if (rows > PROGRESS_ROWS && (milestone || loaded == rows)) {
      System.out.printf(
          "  loaded %s of %s rows (%s)%n",
          Text.count(loaded), Text.count(rows), Text.seconds(System.nanoTime() - start));
    }
  }
}
