package io.quiver.bench;

import java.util.List;

/** The summary table of every model's figures, and the goals checked against them. */
final class GoalReport {
  /** (2)/(4) in rows/s, for the goal model, must be at least this. */
  static final double SPEEDUP_GOAL = 10;

  /** time(2) / (time(1) + time(3)) must be at most this: inference overlaps the scan. */
  static final double OVERLAP_GOAL = 0.9;

  /** The model the speedup goal is set for. */
  static final String GOAL_MODEL = "mlp";

  private final List<ModelFigures> figures;
  private final Measurement scan;

  /**
   * @param scan (3), the scan alone
   */
  GoalReport(List<ModelFigures> figures, Measurement scan) {
    this.figures = List.copyOf(figures);
    this.scan = scan;
  }

  void printSummary(BenchmarkOptions options) {
    System.out.printf(
        "%nSummary, rows/s ((4) and (4') over the first %s rows, the others over all %s)%n",
        Text.count(options.rowByRowRows()), Text.count(options.rows()));
    TextTable table =
        new TextTable(
            "model",
            "(1) raw ORT",
            "(2) m!predict",
            "(3) scan",
            "(4) row by row",
            "(4')",
            "(2)/(4)",
            "(2)/(4')",
            "t(2)/(t(1)+t(3))");
    for (ModelFigures model : figures) {
      table.row(
          model.model(),
          Text.rate(model.raw().rowsPerSecond()),
          Text.rate(model.modelCall().rowsPerSecond()),
          Text.rate(scan.rowsPerSecond()),
          Text.rate(model.rowByRow().rowsPerSecond()),
          Text.rate(model.rowByRowWithDefaults().rowsPerSecond()),
          Text.ratio(model.speedup()) + "x",
          Text.ratio(model.speedupOverDefaults()) + "x",
          Text.ratio(model.overlap(scan)));
    }
    table.print();
  }

  void printGoals(Checks checks) {
    System.out.println("\nGoals");
    for (ModelFigures model : figures) {
      printSpeedup(model, checks);
    }
    for (ModelFigures model : figures) {
      printOverlap(model, checks);
    }
  }

  private static void printSpeedup(ModelFigures model, Checks checks) {
    double speedup = model.speedup();
    boolean goalModel = model.model().equals(GOAL_MODEL);
    System.out.printf(
        "  %-5s (2)/(4) = %sx, goal >= %sx: %s (against (4'), ONNX Runtime's defaults: %sx)%n",
        model.model(),
        Text.ratio(speedup),
        Text.ratio(SPEEDUP_GOAL),
        goalModel
            ? checks.verdict(speedup >= SPEEDUP_GOAL)
            : "for information, the goal is set for " + GOAL_MODEL,
        Text.ratio(model.speedupOverDefaults()));
  }

  private void printOverlap(ModelFigures model, Checks checks) {
    double overlap = model.overlap(scan);
    System.out.printf(
        "  %-5s time(2) / (time(1) + time(3)) = %s / (%s + %s) = %s, goal <= %s: %s%n",
        model.model(),
        Text.seconds(model.modelCall().nanos()),
        Text.seconds(model.raw().nanos()),
        Text.seconds(Math.round(scan.secondsFor(model.modelCall().rows()) * 1e9)),
        Text.ratio(overlap),
        Text.ratio(OVERLAP_GOAL),
        checks.verdict(overlap <= OVERLAP_GOAL));
  }
}
