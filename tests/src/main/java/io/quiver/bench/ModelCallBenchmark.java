package io.quiver.bench;

import io.quiver.runtime.session.OnnxEnvironment;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures Quiver's model calls ({@code SELECT m!predict(f1, ..., f20) FROM t}) against ONNX
 * Runtime alone, the scan alone and a row-by-row scalar function, on a generated feature table and
 * the two benchmark models, and checks the figures against Quiver's goals. Run it with bench/run;
 * the options are in {@link BenchmarkOptions#USAGE}.
 */
public final class ModelCallBenchmark {
  private final BenchmarkOptions options;
  private final List<BenchmarkModel> models;
  private final Checks checks = new Checks();

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
        new BoundedMemoryRun(connection, options.rows(), checks).run();
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
        checks.failed() ? "Some checks FAILED." : "All checks passed.");
    return !checks.failed();
  }

  private void printHeader() {
    System.out.println("Quiver model-call benchmark");
    System.out.printf(
        "  rows %s, cores %d, max heap %s; %s (over the last minute)%n",
        Text.count(options.rows()),
        Runtime.getRuntime().availableProcessors(),
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

  /** Every measurement, the goals and the batch size sweep. */
  private void compare(Connection connection) throws Exception {
    System.out.println("\nCorrectness on bench.json's samples");
    for (BenchmarkModel model : models) {
      checks.samples(model, SampleScores.of(connection, model));
    }

    System.out.printf(
        "%nEach figure is the fastest of %d timed runs after one warm-up run.%n",
        options.timedRuns());
    QueryRunner queries = new QueryRunner(connection, options.timedRuns());
    Measurement scan = measureScan(queries);

    FloatBuffer features = FeatureGenerator.rows(FeatureGenerator.SEED, options.rows());
    ModelComparison comparison = new ModelComparison(connection, queries, options, checks);
    List<ModelFigures> figures = new ArrayList<>();
    for (BenchmarkModel model : models) {
      figures.add(comparison.measure(model, features));
    }

    GoalReport report = new GoalReport(figures, scan);
    report.printSummary(options);
    report.printGoals(checks);
    new BatchSizeSweep(connection, queries, options.timedRuns(), checks).run();
  }

  private static Measurement measureScan(QueryRunner queries) throws SQLException {
    Measurement scan = queries.scan();
    System.out.printf(
        "%n(3) %s%n    %s rows/s (%s)%n",
        QueryRunner.scanSql(), Text.rate(scan.rowsPerSecond()), scan.describeTime());
    return scan;
  }
}
