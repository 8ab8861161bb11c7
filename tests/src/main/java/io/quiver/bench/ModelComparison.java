package io.quiver.bench;

import ai.onnxruntime.OrtException;
import io.quiver.bench.RowPredictFunctions.SessionSetup;
import java.nio.FloatBuffer;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Measures one model three ways: (1) raw ONNX Runtime on pre-built float arrays, (2) the model call
 * query, and (4) a row-by-row scalar function, whose session has Quiver's settings, and (4') the
 * same with ONNX Runtime's default session options; checks (2), (4) and (4') against (1), row for
 * row.
 */
final class ModelComparison {
  private static final int SWEEP_ROWS = 131_072;
  private static final String SAME_SCORES = "    scores equal raw ONNX Runtime's, row for row";

  private final Connection connection;
  private final QueryRunner queries;
  private final BenchmarkOptions options;
  private final Checks checks;
  private final int cores = Runtime.getRuntime().availableProcessors();

  ModelComparison(
      Connection connection, QueryRunner queries, BenchmarkOptions options, Checks checks) {
    this.connection = connection;
    this.queries = queries;
    this.options = options;
    this.checks = checks;
  }

  /**
   * @param features the table's rows as floats, in a direct buffer
   */
  ModelFigures measure(BenchmarkModel model, FloatBuffer features)
      throws SQLException, OrtException, InterruptedException {
    System.out.printf("%nModel %s (%s)%n", model.name(), model.file().getFileName());
    float[] rawScores = new float[options.rows()];
    RawSweep.Point best;
    Measurement raw;
    try (RawOnnxInference inference = new RawOnnxInference(model, features, cores)) {
      best = sweepRaw(inference, model);
      raw = measureRaw(inference, best, rawScores);
    }

    Measurement modelCall = measureModelCall(model, rawScores);
    Measurement rowByRow = measureRowByRow(model, SessionSetup.QUIVER_SETTINGS, rawScores);
    Measurement rowByRowWithDefaults =
        measureRowByRow(model, SessionSetup.ONNX_RUNTIME_DEFAULTS, rawScores);
    return new ModelFigures(model.name(), best, raw, modelCall, rowByRow, rowByRowWithDefaults);
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

  private Measurement measureRaw(RawOnnxInference inference, RawSweep.Point best, float[] rawScores)
      throws OrtException, InterruptedException {
    int rows = options.rows();
    Measurement raw =
        inference.measure(rows, best.batchSize(), best.threads(), options.timedRuns(), rawScores);
    System.out.printf(
        "(1) raw ONNX Runtime at %s over all %s rows: %s rows/s (%s)%n",
        best.describe(), Text.count(rows), Text.rate(raw.rowsPerSecond()), raw.describeTime());
    return raw;
  }

  private Measurement measureModelCall(BenchmarkModel model, float[] rawScores)
      throws SQLException {
    float[] scores = new float[options.rows()];
    Measurement modelCall = queries.modelCall(model.name(), scores);
    System.out.printf(
        "(2) %s%n    %s rows/s (%s)%n",
        QueryRunner.modelCallSql(model.name()),
        Text.rate(modelCall.rowsPerSecond()),
        modelCall.describeTime());
    checks.rows("    rows returned", modelCall.rows(), options.rows());
    checks.scores(SAME_SCORES, scores, rawScores);
    return modelCall;
  }

  private Measurement measureRowByRow(BenchmarkModel model, SessionSetup setup, float[] rawScores)
      throws SQLException, OrtException {
    String function = RowPredictFunctions.register(connection, model, setup);
    int rows = options.rowByRowRows();
    float[] scores = new float[rows];
    Measurement rowByRow = queries.rowByRow(function, rows, scores);
    System.out.printf(
        "%s %s%n    %s rows/s (%s)%n",
        setup == SessionSetup.QUIVER_SETTINGS ? "(4)" : "(4')",
        QueryRunner.rowByRowSql(function, rows),
        Text.rate(rowByRow.rowsPerSecond()),
        rowByRow.describeTime());
    checks.rows("    rows returned", rowByRow.rows(), rows);
    checks.scores(SAME_SCORES, scores, rawScores);
    return rowByRow;
  }
}
