package io.quiver.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times the goal model's call query at several MODEL_BATCH_SIZE settings of the session. The sizes
 * take turns, round after round, so that other processes slow them alike; the fastest round of each
 * size counts.
 */
final class BatchSizeSweep {
  static final int[] BATCH_SIZES = {256, 1024, 2048, 4096, 8192, 16384};

  private static final double NEAR_FASTEST = 0.95;

  private final Connection connection;
  private final QueryRunner queries;
  private final int rounds;
  private final Checks checks;

  BatchSizeSweep(Connection connection, QueryRunner queries, int rounds, Checks checks) {
    this.connection = connection;
    this.queries = queries;
    this.rounds = rounds;
    this.checks = checks;
  }

  /** Runs the sweep and prints rows/s for each batch size. */
  void run() throws SQLException {
    System.out.printf(
        "%nMODEL_BATCH_SIZE sweep: (2) with %s, MODEL_THREADS left at its default; each size"
            + " warmed up, then the sizes in turn, %s%n",
        GoalReport.GOAL_MODEL, rounds == 1 ? "1 round" : rounds + " rounds");
    List<List<Measurement>> runs = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      for (int batchSize : BATCH_SIZES) {
        setBatchSize(statement, batchSize);
        checkPlan(statement, batchSize);
        queries.warmUpModelCall(GoalReport.GOAL_MODEL);
        runs.add(new ArrayList<>());
      }
      for (int round = 0; round < rounds; round++) {
        timeRound(statement, runs);
      }
    }
    print(runs.stream().map(Measurement::fastest).toList());
  }

  private void timeRound(Statement statement, List<List<Measurement>> runs) throws SQLException {
    for (int index = 0; index < BATCH_SIZES.length; index++) {
      setBatchSize(statement, BATCH_SIZES[index]);
      runs.get(index).add(queries.modelCallOnce(GoalReport.GOAL_MODEL));
    }
  }

  private static void setBatchSize(Statement statement, int batchSize) throws SQLException {
    statement.execute("ALTER SESSION SET MODEL_BATCH_SIZE = " + batchSize);
  }

  /** Checks that the plan of the query runs batches of the size the session sets. */
  private void checkPlan(Statement statement, int batchSize) throws SQLException {
    StringBuilder plan = new StringBuilder();
    String explain = "EXPLAIN PLAN FOR " + QueryRunner.modelCallSql(GoalReport.GOAL_MODEL);
    try (ResultSet lines = statement.executeQuery(explain)) {
      while (lines.next()) {
        plan.append(lines.getString(1));
      }
    }
    if (!plan.toString().contains("batchSize=[" + batchSize + "]")) {
      checks.check("  the plan runs batches of " + batchSize + ": " + plan, false);
    }
  }

  private static void print(List<Measurement> measurements) {
    double fastest =
        measurements.stream().mapToDouble(Measurement::rowsPerSecond).max().orElseThrow();
    TextTable table =
        new TextTable(
            "MODEL_BATCH_SIZE", "rows/s", "time", "cores busy", "rows/CPU-second", "of fastest");
    List<String> nearFastest = new ArrayList<>();
    for (int index = 0; index < measurements.size(); index++) {
      Measurement measurement = measurements.get(index);
      double share = measurement.rowsPerSecond() / fastest;
      table.row(
          Integer.toString(BATCH_SIZES[index]),
          Text.rate(measurement.rowsPerSecond()),
          Text.seconds(measurement.nanos()),
          Text.ratio(measurement.busyCores()),
          Text.rate(measurement.rowsPerCpuSecond()),
          String.format(Locale.ROOT, "%.0f%%", 100 * share));
      if (share >= NEAR_FASTEST) {
        nearFastest.add(Integer.toString(BATCH_SIZES[index]));
      }
    }
    table.print();
    System.out.println(
        "  within 5% of the fastest: " + String.join(", ", nearFastest) + " rows per batch");
  }
}
