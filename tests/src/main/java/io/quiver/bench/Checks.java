package io.quiver.bench;

/** The benchmark's checks and goals: each prints its verdict, and any failure fails the run. */
final class Checks {
  /** The largest difference allowed between two runs' scores of the same row. */
  static final double SCORE_TOLERANCE = 1e-4;

  private boolean failed;

  boolean failed() {
    return failed;
  }

  /** Prints "what: OK" or "what: FAILED". */
  void check(String what, boolean passed) {
    System.out.println(what + ": " + (passed ? "OK" : "FAILED"));
    failed |= !passed;
  }

  /** "PASS" or "FAIL", for a goal. */
  String verdict(boolean passed) {
    failed |= !passed;
    return passed ? "PASS" : "FAIL";
  }

  void rows(String what, long rows, long expected) {
    check(what + ": " + Text.count(rows) + " of " + Text.count(expected), rows == expected);
  }

  /** Compares scores with the first of the expected ones, row for row. */
  void scores(String what, float[] scores, float[] expected) {
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

  /** Compares a model's scores of bench.json's sample inputs with the ones it expects. */
  void samples(BenchmarkModel model, float[] scores) {
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
}
