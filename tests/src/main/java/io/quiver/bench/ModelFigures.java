package io.quiver.bench;

/**
 * The figures of one model.
 *
 * @param model the model's name
 * @param bestRaw the fastest batch size and thread count of the raw sweep
 * @param raw (1) raw ONNX Runtime at that setting, over the whole table
 * @param modelCall (2) the model call query over the whole table
 * @param rowByRow (4) the row-by-row scalar function, its session set up as Quiver's
 * @param rowByRowWithDefaults (4') the same, its session with ONNX Runtime's default options
 */
record ModelFigures(
    String model,
    RawSweep.Point bestRaw,
    Measurement raw,
    Measurement modelCall,
    Measurement rowByRow,
    Measurement rowByRowWithDefaults) {
  /** (2)/(4) in rows/s: how much faster the model call is than scoring row by row. */
  double speedup() {
    return modelCall.rowsPerSecond() / rowByRow.rowsPerSecond();
  }

  /** (2)/(4') in rows/s. */
  double speedupOverDefaults() {
    return modelCall.rowsPerSecond() / rowByRowWithDefaults.rowsPerSecond();
  }

  /**
   * time(2) / (time(1) + time(3)) over the same rows: below 1 when inference overlaps the scan.
   *
   * @param scan (3), the scan alone
   */
  double overlap(Measurement scan) {
    return modelCall.seconds() / (raw.seconds() + scan.secondsFor(modelCall.rows()));
  }
}
