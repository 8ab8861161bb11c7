package io.quiver.bench;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.List;

/**
 * One timed run.
 *
 * @param rows the rows it processed
 * @param nanos how long it took
 * @param cpuNanos the CPU time the whole process used meanwhile, on all its threads
 * @param firstRowNanos how long the first row took to come, for a query; 0 otherwise
 */
record Measurement(long rows, long nanos, long cpuNanos, long firstRowNanos) {
  /** Times a run: the clock and the process's CPU time since the start. */
  static final class Stopwatch {
    private final long startNanos = System.nanoTime();
    private final long startCpuNanos = processCpuNanos();
    private long firstRowNanos;

    /** Notes the arrival of a query's first row; later calls change nothing. */
    void firstRow() {
      if (firstRowNanos == 0) {
        firstRowNanos = System.nanoTime() - startNanos;
      }
    }

    long elapsedNanos() {
      return System.nanoTime() - startNanos;
    }

    Measurement finish(long rows) {
      long nanos = System.nanoTime() - startNanos;
      return new Measurement(rows, nanos, processCpuNanos() - startCpuNanos, firstRowNanos);
    }
  }

  /** The fastest of several runs. */
  static Measurement fastest(List<Measurement> runs) {
    return runs.stream().min(Comparator.comparingLong(Measurement::nanos)).orElseThrow();
  }

  double rowsPerSecond() {
    return rows / seconds();
  }

  double seconds() {
    return nanos / 1e9;
  }

  /** The time this run's rate would take over another number of rows. */
  double secondsFor(long otherRows) {
    return otherRows / rowsPerSecond();
  }

  /** Rows per second of CPU time of the process: the cost of a row, whatever the cores got. */
  double rowsPerCpuSecond() {
    return rows / (cpuNanos / 1e9);
  }

  /** How many cores the process kept busy on average: its CPU time over the elapsed time. */
  double busyCores() {
    return (double) cpuNanos / nanos;
  }

  /** "12.34 s, first row after 0.02 s, 1.62 cores busy". */
  String describeTime() {
    String firstRow = firstRowNanos == 0 ? "" : ", first row after " + Text.seconds(firstRowNanos);
    return Text.seconds(nanos) + firstRow + ", " + Text.ratio(busyCores()) + " cores busy";
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
