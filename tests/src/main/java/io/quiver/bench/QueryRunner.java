package io.quiver.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;

/**
 * Times queries on the feature table through the embedded JDBC driver, fetching every row and
 * reading its values. Each query runs once over its first {@link #WARM_UP_ROWS} rows to warm up,
 * then a few times timed; the fastest run counts, as the one least slowed by other processes.
 */
final class QueryRunner {
  static final int WARM_UP_ROWS = 100_000;
  static final int PROGRESS_ROWS = 1_000_000;

  private final Connection connection;
  private final int timedRuns;
  private final Progress progress;

  /** The sum of every value read, kept so that no read can be optimized away. */
  private double sink;

  /** Told every {@link #PROGRESS_ROWS} rows of a run how far it got. */
  @FunctionalInterface
  interface Progress {
    Progress NONE = (rows, stopwatch) -> {};

    void rowsRead(long rows, Measurement.Stopwatch stopwatch);
  }

  /** Reads one value of a result row. */
  @FunctionalInterface
  private interface ValueReader {
    float read(ResultSet row) throws SQLException;
  }

  QueryRunner(Connection connection, int timedRuns) {
    this(connection, timedRuns, Progress.NONE);
  }

  QueryRunner(Connection connection, int timedRuns, Progress progress) {
    this.connection = connection;
    this.timedRuns = timedRuns;
    this.progress = progress;
  }

  /** The model call query: reads the first attribute of each result struct into scores. */
  static String modelCallSql(String model) {
    return "SELECT " + model + "!predict(" + FeatureTable.columns() + ") FROM " + FeatureTable.NAME;
  }

  /** The row-by-row scalar function query over the first rows. */
  static String rowByRowSql(String function, int rows) {
    return "SELECT "
        + function
        + "("
        + FeatureTable.columns()
        + ") FROM "
        + FeatureTable.NAME
        + firstRows(rows);
  }

  static String scanSql() {
    return "SELECT " + FeatureTable.columns() + " FROM " + FeatureTable.NAME;
  }

  /** Times a model call query; each row's score lands in {@code scores} while it has room. */
  Measurement modelCall(String model, float[] scores) throws SQLException {
    return measure(modelCallSql(model), QueryRunner::firstAttribute, scores);
  }

  /** Runs a model call query once over its first {@link #WARM_UP_ROWS} rows. */
  void warmUpModelCall(String model) throws SQLException {
    run(modelCallSql(model) + firstRows(WARM_UP_ROWS), QueryRunner::firstAttribute, new float[0]);
  }

  /** Times one run of a model call query, without warming up. */
  Measurement modelCallOnce(String model) throws SQLException {
    return run(modelCallSql(model), QueryRunner::firstAttribute, new float[0]);
  }

  /** Times the scan alone, reading all 20 features of each row. */
  Measurement scan() throws SQLException {
    return measure(scanSql(), QueryRunner::featureSum, new float[0]);
  }

  /** Times a row-by-row scalar function over the first rows. */
  Measurement rowByRow(String function, int rows, float[] scores) throws SQLException {
    run(rowByRowSql(function, Math.max(1, rows / 10)), QueryRunner::firstColumn, scores);
    return fastestRun(rowByRowSql(function, rows), QueryRunner::firstColumn, scores);
  }

  private Measurement measure(String select, ValueReader reader, float[] scores)
      throws SQLException {
    run(select + firstRows(WARM_UP_ROWS), reader, scores);
    return fastestRun(select, reader, scores);
  }

  private Measurement fastestRun(String select, ValueReader reader, float[] scores)
      throws SQLException {
    List<Measurement> runs = new ArrayList<>();
    for (int run = 0; run < timedRuns; run++) {
      runs.add(run(select, reader, scores));
    }
    return Measurement.fastest(runs);
  }

  private Measurement run(String select, ValueReader reader, float[] scores) throws SQLException {
    Measurement.Stopwatch stopwatch = new Measurement.Stopwatch();
    long rows = 0;
    double total = 0;
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(select)) {
      while (result.next()) {
        stopwatch.firstRow();
        float value = reader.read(result);
        if (rows < scores.length) {
          scores[(int) rows] = value;
        }
        total += value;
        rows++;
        if (rows % PROGRESS_ROWS == 0) {
          progress.rowsRead(rows, stopwatch);
        }
      }
    }
    Measurement measurement = stopwatch.finish(rows);
    sink += total;
    return measurement;
  }

  private static String firstRows(int rows) {
    return " FETCH FIRST " + rows + " ROWS ONLY";
  }

  private static float firstAttribute(ResultSet row) throws SQLException {
    Struct call = (Struct) row.getObject(1);
    return ((Number) call.getAttributes()[0]).floatValue();
  }

  private static float firstColumn(ResultSet row) throws SQLException {
    return row.getFloat(1);
  }

  private static float featureSum(ResultSet row) throws SQLException {
    float sum = 0;
    for (int column = 1; column <= FeatureGenerator.FEATURES; column++) {
      sum += row.getFloat(column);
    }
    return sum;
  }
}
