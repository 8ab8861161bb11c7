package io.quiver.bench;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Raw inference timed at several batch sizes and thread counts, and the fastest of them. */
final class RawSweep {
  static final int[] BATCH_SIZES = {256, 1024, 4096, 16384};

  /** One batch size and thread count, and its timed run. */
  record Point(int batchSize, int threads, Measurement measurement) {
    String describe() {
      return "batch " + batchSize + ", " + threads + (threads == 1 ? " thread" : " threads");
    }
  }

  private final String model;
  private final int maxThreads;
  private final List<Point> points;

  private RawSweep(String model, int maxThreads, List<Point> points) {
    this.model = model;
    this.maxThreads = maxThreads;
    this.points = List.copyOf(points);
  }

  /** Times every batch size with 1 to {@code maxThreads} threads on the first rows. */
  static RawSweep run(
      RawOnnxInference inference, String model, int rows, int maxThreads, int timedRuns)
      throws OrtException, InterruptedException {
    float[] scores = new float[rows];
    List<Point> points = new ArrayList<>();
    for (int batchSize : BATCH_SIZES) {
      for (int threads = 1; threads <= maxThreads; threads++) {
        Measurement measurement = inference.measure(rows, batchSize, threads, timedRuns, scores);
        points.add(new Point(batchSize, threads, measurement));
      }
    }
    return new RawSweep(model, maxThreads, points);
  }

  Point best() {
    return points.stream()
        .max(Comparator.comparingDouble(point -> point.measurement().rowsPerSecond()))
        .orElseThrow();
  }

  /** Prints rows/s with one line per batch size and one column per thread count. */
  void print() {
    String[] headers = new String[maxThreads + 1];
    headers[0] = model + " batch";
    for (int threads = 1; threads <= maxThreads; threads++) {
      headers[threads] = threads + (threads == 1 ? " thread" : " threads");
    }
    TextTable table = new TextTable(headers);
    for (int batchSize : BATCH_SIZES) {
      String[] cells = new String[maxThreads + 1];
      cells[0] = Integer.toString(batchSize);
      for (Point point : points) {
        if (point.batchSize() == batchSize) {
          cells[point.threads()] = Text.rate(point.measurement().rowsPerSecond());
        }
      }
      table.row(cells);
    }
    table.print();
  }
}
