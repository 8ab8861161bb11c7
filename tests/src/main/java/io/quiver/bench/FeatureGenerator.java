package io.quiver.bench;

import java.math.BigDecimal;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Deterministic pseudo-random rows of 20 features: standard normal values rounded to thousandths
 * and kept between -6 and 6. Two generators with the same seed give the same rows, whether as
 * floats or as CSV text, and Quiver parses the text back to exactly the same floats.
 */
final class FeatureGenerator {
  static final int FEATURES = 20;
  static final long SEED = 20_240_601L;

  private static final int LIMIT_IN_THOUSANDTHS = 6_000;
  private static final String[] TEXTS = new String[2 * LIMIT_IN_THOUSANDTHS + 1];
  private static final float[] VALUES = new float[TEXTS.length];

  static {
    for (int index = 0; index < TEXTS.length; index++) {
      TEXTS[index] = BigDecimal.valueOf(index - LIMIT_IN_THOUSANDTHS, 3).toPlainString();
      VALUES[index] = Float.parseFloat(TEXTS[index]);
    }
  }

  private final SplittableRandom random;

  FeatureGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The first rows of the seed's sequence, row after row, in a direct buffer for ONNX Runtime. */
  static FloatBuffer rows(long seed, int rows) {
    FloatBuffer features = DirectFloats.allocate((long) rows * FEATURES);
    FeatureGenerator generator = new FeatureGenerator(seed);
    float[] row = new float[FEATURES];
    for (int index = 0; index < rows; index++) {
      generator.nextRow(row);
      features.put(row);
    }
    return features.flip();
  }

  /** The header line of the CSV files: F1,...,F20. */
  static String csvHeader() {
    StringBuilder header = new StringBuilder();
    for (int feature = 1; feature <= FEATURES; feature++) {
      header.append(feature == 1 ? "" : ",").append('F').append(feature);
    }
    return header.append('\n').toString();
  }

  /** Fills the array with the next row. */
  void nextRow(float[] row) {
    for (int feature = 0; feature < FEATURES; feature++) {
      row[feature] = VALUES[nextIndex()];
    }
  }

  /** Appends the next row as a CSV line. */
  void appendCsvRow(StringBuilder line) {
    for (int feature = 0; feature < FEATURES; feature++) {
      line.append(feature == 0 ? "" : ",").append(TEXTS[nextIndex()]);
    }
    line.append('\n');
  }

  private int nextIndex() {
    long thousandths = Math.round(random.nextGaussian() * 1000);
    long kept = Math.max(-LIMIT_IN_THOUSANDTHS, Math.min(LIMIT_IN_THOUSANDTHS, thousandths));
    return (int) kept + LIMIT_IN_THOUSANDTHS;
  }
}
