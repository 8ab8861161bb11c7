package io.quiver.bench;

import ai.onnxruntime.OrtException;
import io.quiver.runtime.session.OnnxEnvironment;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures Quiver's model calls ({@code SELECT m!predict(f1, ..., f20) FROM t}) against ONNX
 * Runtime alone, the scan alone and a row-by-row scalar function, on a generated feature table and
 * the two benchmark models, and checks the figures against Quiver's goals. Run it with bench/run;
 * the options are in {@link BenchmarkOptions#USAGE}.
 */
public final class ModelCallBenchmark {
  private static final double SPEEDUP_GOAL = 10;
  private static final double OVERLAP_GOAL = 0.9;
  private static final double SCORE_TOLERANCE = 1e-4;
  private static final String GOAL_MODEL = "mlp";
  private static final int SWEEP_ROWS = 131_072;
  private static final int[] MODEL_BATCH_SIZES = {256, 1024, 2048, 4096, 8192};
  private static final double NEAR_FASTEST = 0.95;

  private final BenchmarkOptions options;
  private final List<BenchmarkModel> models;
  private final int cores = Runtime.getRuntime().availableProcessors();
  private boolean failed;

  /**
   * The figures of one model.
   *
   * @param model the model's name
   * @param bestRaw the fastest batch size and thread count of the raw sweep
   * @param raw (1) raw ONNX Runtime at that setting, over the whole table
   * @param modelCall (2) the model call query over the whole table
   * @param rowByRow (4) the row-by-row scalar function
   */
  private record ModelFigures(
      String model,
      RawSweep.Point bestRaw,
      Measurement raw,
      Measurement modelCall,
      Measurement rowByRow) {
    double speedup() {
      return modelCall.rowsPerSecond() / rowByRow.rowsPerSecond();
    }

    double overlap(Measurement scan) {
      return modelCall.seconds() / (raw.seconds() + scan.secondsFor(modelCall.rows()));
    }
  }

  private ModelCallBenchmark(BenchmarkOptions options, List<BenchmarkModel> models) {
    this.options = options;
    this.models = models;
  }

  public static void main(String[] arguments) throws Exception {
    BenchmarkOptions options;
    List<BenchmarkModel> models;
    try {
      options = BenchmarkOptions.parse(arguments);
      models = BenchmarkModel.loadAll(options.modelFolder());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + BenchmarkOptions.USAGE);
      System.exit(2);
      return;
    } catch (BenchmarkModel.MissingModelsException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }

    boolean passed = new ModelCallBenchmark(options, models).run();
    System.exit(passed ? 0 : 1);
  }

  private boolean run() throws Exception {
    long start = System.nanoTime();
    printHeader();

    try (DataFolder folder = DataFolder.of(options.dataFolder());
        Connection connection = DriverManager.getConnection(folder.url(), folder.login())) {
      System.out.println("Data folder: " + folder.describe());
      prepare(connection);
      if (options.boundedMemory()) {
        runBoundedMemory(connection);
      } else {
        compare(connection);
      }
    } finally {
      RowPredictFunctions.closeAll();
    }

    System.out.printf(
        "%nDone in %s; %s. %s%n",
        Text.seconds(System.nanoTime() - start),
        MachineLoad.describe(),
        failed ? "Some checks FAILED." : "All checks passed.");
    return !failed;
  }

  private void printHeader() {
    System.out.println("Quiver model-call benchmark");
    System.out.printf(
        "  rows %s, cores %d, max heap %s; %s (over the last minute)%n",
        Text.count(options.rows()),
        cores,
        Text.megabytes(Runtime.getRuntime().maxMemory()),
        MachineLoad.describe());
    System.out.printf(
        "  Java %s, ONNX Runtime %s, models from %s%n",
        System.getProperty("java.version"),
        OnnxEnvironment.get().getVersion(),
        options.modelFolder().toAbsolutePath().normalize());
  }

  /** Loads (or reuses) the feature table and logs the models. */
  private void prepare(Connection connection)
      throws SQLException, IOException, InterruptedException {
    FeatureTable.Load load = new FeatureTable(connection, options.rows()).ensure();
    System.out.println(load.describe());

    try (Statement statement = connection.createStatement()) {
      for (BenchmarkModel model : models) {
        String create = "CREATE OR REPLACE MODEL " + model.name() + " FROM '" + model.file() + "'";
        statement.execute(create);
        System.out.println(create);
      }
    }
  }

  /** The full comparison: every measurement, the goals and the batch size sweep. */
  private void compare(Connection connection) throws Exception {
    System.out.println("\nCorrectness on bench.json's samples");
    for (BenchmarkModel model : models) {
      checkSamples(connection, model);
    }

    System.out.printf(
        "%nEach figure is the fastest of %d timed runs after one warm-up run.%n",
        options.timedRuns());
    QueryRunner queries = new QueryRunner(connection, options.timedRuns());
    FloatBuffer features = FeatureGenerator.rows(FeatureGenerator.SEED, options.rows());
    Measurement scan = queries.scan();
    System.out.printf(
        "%n(3) %s%n    %s rows/s (%s)%n",
        QueryRunner.scanSql(), Text.rate(scan.rowsPerSecond()), scan.describeTime());

    List<ModelFigures> figures = new ArrayList<>();
    for (BenchmarkModel model : models) {
      figures.add(measureModel(connection, queries, model, features));
    }

    printSummary(figures, scan);
    printGoals(figures, scan);
    sweepModelBatchSize(connection);
  }

  private ModelFigures measureModel(
      Connection connection, QueryRunner queries, BenchmarkModel model, FloatBuffer features)
      throws Exception {
    System.out.printf("%nModel %s (%s)%n", model.name(), model.file().getFileName());
    int rows = options.rows();
    float[] rawScores = new float[rows];
    RawSweep.Point best;
    Measurement raw;
    try (RawOnnxInference inference = new RawOnnxInference(model, features, cores)) {
      best = sweepRaw(inference, model);
      raw =
          inference.measure(rows, best.batchSize(), best.threads(), options.timedRuns(), rawScores);
    }
    System.out.printf(
        "(1) raw ONNX Runtime at %s over all %s rows: %s rows/s (%s)%n",
        best.describe(), Text.count(rows), Text.rate(raw.rowsPerSecond()), raw.describeTime());

    Measurement modelCall = measureModelCall(queries, model, rawScores);
    Measurement rowByRow = measureRowByRow(connection, queries, model, rawScores);
    return new ModelFigures(model.name(), best, raw, modelCall, rowByRow);
  }

  private RawSweep.Point sweepRaw(RawOnnxInference inference, BenchmarkModel model)
      throws OrtException, InterruptedException {
    int rows = Math.min(options.rows(), SWEEP_ROWS);
    System.out.printf(
        "(1) raw ONNX Runtime on pre-built float arrays, rows/s over %s rows (threads run"
            + " batches in parallel on one session)%n",
        Text.count(rows));
    RawSweep sweep = RawSweep.run(inference, model.name(), rows, cores, options.timedRuns());
    sweep.print();
    return sweep.best();
  }

  private Measurement measureModelCall(QueryRunner queries, BenchmarkModel model, float[] rawScores)
      throws SQLException {
    float[] scores = new float[options.rows()];
    Measurement modelCall = queries.modelCall(model.name(), scores);
    System.out.printf(
        "(2) %s%n    %s rows/s (%s)%n",
        QueryRunner.modelCallSql(model.name()),
        Text.rate(modelCall.rowsPerSecond()),
        modelCall.describeTime());
    checkRows("    rows returned", modelCall.rows(), options.rows());
    checkScores("    scores equal raw ONNX Runtime's, row for row", scores, rawScores);
    return modelCall;
  }

  private Measurement measureRowByRow(
      Connection connection, QueryRunner queries, BenchmarkModel model, float[] rawScores)
      throws SQLException, OrtException {
    String function = RowPredictFunctions.register(connection, model);
    int rows = options.rowByRowRows();
    float[] scores = new float[rows];
    Measurement rowByRow = queries.rowByRow(function, rows, scores);
    System.out.printf(
        "(4) %s%n    %s rows/s (%s)%n",
        QueryRunner.rowByRowSql(function, rows),
        Text.rate(rowByRow.rowsPerSecond()),
        rowByRow.describeTime());
    checkRows("    rows returned", rowByRow.rows(), rows);
    checkScores("    scores equal raw ONNX Runtime's, row for row", scores, rawScores);
    return rowByRow;
  }

  /** Runs the model on bench.json's sample inputs through SQL and compares the scores. */
  private void checkSamples(Connection connection, BenchmarkModel model) throws SQLException {
    float[] scores = sampleScores(connection, model);
    double largest = 0;
    for (int sample = 0; sample < scores.length; sample++) {
      largest = Math.max(largest, Math.abs(scores[sample] - model.sampleScores()[sample]));
    }
    check(
        String.format(
            "  %s: %d samples through %s!predict, largest difference from bench.json %s"
                + " (bench.json's tolerance %s)",
            model.name(),
            scores.length,
            model.name(),
            Text.difference(largest),
            Text.difference(model.tolerance())),
        scores.length == model.sampleScores().length && largest <= model.tolerance());
  }

  private static float[] sampleScores(Connection connection, BenchmarkModel model)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE OR REPLACE TABLE samples (id INTEGER, "
              + FeatureTable.columns().replace(",", " REAL,")
              + " REAL)");
      for (int sample = 0; sample < model.sampleInputs().size(); sample++) {
        statement.execute(
            "INSERT INTO samples VALUES (" + sample + sampleValues(model, sample) + ")");
      }
      float[] scores = new float[model.sampleInputs().size()];
      String select =
          "SELECT id, "
              + model.name()
              + "!predict("
              + FeatureTable.columns()
              + ") FROM samples ORDER BY id";
      try (ResultSet result = statement.executeQuery(select)) {
        while (result.next()) {
          java.sql.Struct call = (java.sql.Struct) result.getObject(2);
          scores[result.getInt(1)] = ((Number) call.getAttributes()[0]).floatValue();
        }
      }
      statement.execute("DROP TABLE samples");
      return scores;
    }
  }

  private static String sampleValues(BenchmarkModel model, int sample) {
    StringBuilder values = new StringBuilder();
    for (float feature : model.sampleInputs().get(sample)) {
      values.append(", ").append(feature);
    }
    return values.toString();
  }

  private void checkRows(String what, long rows, long expected) {
    check(what + ": " + Text.count(rows) + " of " + Text.count(expected), rows == expected);
  }

  private void checkScores(String what, float[] scores, float[] expected) {
    double largest = 0;
    for (int row = 0; row < scores.length; row++) {
      largest = Math.max(largest, Math.abs(scores[row] - expected[row]));
    }
    check(
        String.format(
            "%s (%s rows, largest difference %s, tolerance %s)",
            what,
            Text.count(scores.length),
            Text.difference(largest),
            Text.difference(SCORE_TOLERANCE)),
        largest <= SCORE_TOLERANCE);
  }

  private void check(String what, boolean passed) {
    System.out.println(what + ": " + (passed ? "OK" : "FAILED"));
    failed |= !passed;
  }

  private void printSummary(List<ModelFigures> figures, Measurement scan) {
    System.out.printf(
        "%nSummary, rows/s ((4) over the first %s rows, the others over all %s)%n",
        Text.count(options.rowByRowRows()), Text.count(options.rows()));
    TextTable table =
        new TextTable(
            "model",
            "(1) raw ORT",
            "best at",
            "(2) m!predict",
            "(3) scan",
            "(4) row by row",
            "(2)/(4)",
            "t(2)/(t(1)+t(3))");
    for (ModelFigures model : figures) {
      table.row(
          model.model(),
          Text.rate(model.raw().rowsPerSecond()),
          model.bestRaw().describe(),
          Text.rate(model.modelCall().rowsPerSecond()),
          Text.rate(scan.rowsPerSecond()),
          Text.rate(model.rowByRow().rowsPerSecond()),
          Text.ratio(model.speedup()) + "x",
          Text.ratio(model.overlap(scan)));
    }
    table.print();
  }

  private void printGoals(List<ModelFigures> figures, Measurement scan) {
    System.out.println("\nGoals");
    for (ModelFigures model : figures) {
      boolean goal = model.model().equals(GOAL_MODEL);
      double speedup = model.speedup();
      System.out.printf(
          "  %-5s (2)/(4) = %sx, goal >= %sx: %s%n",
          model.model(),
          Text.ratio(speedup),
          Text.ratio(SPEEDUP_GOAL),
          goal ? verdict(speedup >= SPEEDUP_GOAL) : "(the goal is set for " + GOAL_MODEL + ")");
    }
    for (ModelFigures model : figures) {
      double overlap = model.overlap(scan);
      System.out.printf(
          "  %-5s time(2) / (time(1) + time(3)) = %s / (%s + %s) = %s, goal <= %s: %s%n",
          model.model(),
          Text.seconds(model.modelCall().nanos()),
          Text.seconds(model.raw().nanos()),
          Text.seconds(scan.nanos()),
          Text.ratio(overlap),
          Text.ratio(OVERLAP_GOAL),
          verdict(overlap <= OVERLAP_GOAL));
    }
  }

  private String verdict(boolean passed) {
    failed |= !passed;
    return passed ? "PASS" : "FAIL";
  }

  /** Times the model call query of the goal model at several MODEL_BATCH_SIZE settings. */
  private void sweepModelBatchSize(Connection connection) throws SQLException {
    System.out.printf(
        "%nMODEL_BATCH_SIZE sweep: (2) with %s, MODEL_THREADS left at its default%n", GOAL_MODEL);
    List<Measurement> measurements = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      QueryRunner queries = new QueryRunner(connection, options.timedRuns());
      for (int batchSize : MODEL_BATCH_SIZES) {
        statement.execute("ALTER SESSION SET MODEL_BATCH_SIZE = " + batchSize);
        checkPlannedBatchSize(statement, batchSize);
        measurements.add(queries.modelCall(GOAL_MODEL, new float[0]));
      }
    }
    printBatchSizes(measurements);
  }

  private void checkPlannedBatchSize(Statement statement, int batchSize) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (ResultSet lines =
        statement.executeQuery("EXPLAIN PLAN FOR " + QueryRunner.modelCallSql(GOAL_MODEL))) {
      while (lines.next()) {
        plan.append(lines.getString(1));
      }
    }
    if (!plan.toString().contains("batchSize=[" + batchSize + "]")) {
      check("  the plan runs batches of " + batchSize + ": " + plan, false);
    }
  }

  private static void printBatchSizes(List<Measurement> measurements) {
    double fastest =
        measurements.stream().mapToDouble(Measurement::rowsPerSecond).max().orElseThrow();
    TextTable table = new TextTable("MODEL_BATCH_SIZE", "rows/s", "time", "of fastest");
    List<String> nearFastest = new ArrayList<>();
    for (int index = 0; index < measurements.size(); index++) {
      Measurement measurement = measurements.get(index);
      double share = measurement.rowsPerSecond() / fastest;
      table.row(
          Integer.toString(MODEL_BATCH_SIZES[index]),
          Text.rate(measurement.rowsPerSecond()),
          Text.seconds(measurement.nanos()),
          String.format(Locale.ROOT, "%.0f%%", 100 * share));
      if (share >= NEAR_FASTEST) {
        nearFastest.add(Integer.toString(MODEL_BATCH_SIZES[index]));
      }
    }
    table.print();
    System.out.println(
        "  within 5% of the fastest: " + String.join(", ", nearFastest) + " rows per batch");
  }

  /** Runs the model call query of the goal model over the whole table, watching the heap. */
  private void runBoundedMemory(Connection connection) throws SQLException, InterruptedException {
    System.out.printf(
        "%n(2) %s over %s rows in a heap of at most %s%n",
        QueryRunner.modelCallSql(GOAL_MODEL),
        Text.count(options.rows()),
        Text.megabytes(Runtime.getRuntime().maxMemory()));
    Measurement modelCall;
    HeapWatch heap = HeapWatch.start();
    try (heap) {
      modelCall = new QueryRunner(connection, 1).modelCall(GOAL_MODEL, new float[0]);
    }

    System.out.printf(
        "    %s rows/s (%s)%n", Text.rate(modelCall.rowsPerSecond()), modelCall.describeTime());
    checkRows("    rows returned", modelCall.rows(), options.rows());
    printHeap(heap);
  }

  private void printHeap(HeapWatch heap) {
    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.printf(
        "    peak heap used %s of %s; largest heap after a collection %s (%d collections)%n",
        Text.megabytes(heap.peakUsedBytes()),
        Text.megabytes(maxHeap),
        Text.megabytes(heap.peakAfterCollectionBytes()),
        heap.collections());
    HeapWatch.peakResidentBytes()
        .ifPresent(
            resident ->
                System.out.printf(
                    "    peak resident memory of the process (heap, ONNX Runtime, Arrow, H2 cache,"
                        + " whole run): %s%n",
                    Text.megabytes(resident)));
    check("    memory stayed bounded (the query finished within the heap)", true);
  }
}
