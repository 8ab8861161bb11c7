package io.quiver.bench;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The goal model's call query over a big table in a small heap, watching the heap: its rows stream
 * through in batches, so the heap it needs does not grow with the table.
 */
final class BoundedMemoryRun {
  private final Connection connection;
  private final int rows;
  private final Checks checks;

  BoundedMemoryRun(Connection connection, int rows, Checks checks) {
    this.connection = connection;
    this.rows = rows;
    this.checks = checks;
  }

  void run() throws SQLException {
    System.out.printf(
        "%n(2) %s over %s rows in a heap of at most %s (one warm-up run over %s rows, then one"
            + " timed run)%n",
        QueryRunner.modelCallSql(GoalReport.GOAL_MODEL),
        Text.count(rows),
        Text.megabytes(Runtime.getRuntime().maxMemory()),
        Text.count(QueryRunner.WARM_UP_ROWS));
    Measurement modelCall;
    HeapWatch heap = HeapWatch.start();
    try (heap) {
      QueryRunner queries =
          new QueryRunner(connection, 1, (read, stopwatch) -> printProgress(read, stopwatch, heap));
      modelCall = queries.modelCall(GoalReport.GOAL_MODEL, new float[0]);
    }

    System.out.printf(
        "    %s rows/s (%s)%n", Text.rate(modelCall.rowsPerSecond()), modelCall.describeTime());
    checks.rows("    rows returned", modelCall.rows(), rows);
    printHeap(heap);
  }

  private void printProgress(long read, Measurement.Stopwatch stopwatch, HeapWatch heap) {
    System.out.printf(
        "    %s of %s rows read (%s); heap after the latest collection %s%n",
        Text.count(read),
        Text.count(rows),
        Text.seconds(stopwatch.elapsedNanos()),
        Text.megabytes(heap.lastAfterCollectionBytes()));
  }

  private static void printHeap(HeapWatch heap) {
    System.out.printf(
        "    peak heap used %s of %s; the most left after a collection %s (%d collections)%n",
        Text.megabytes(heap.peakUsedBytes()),
        Text.megabytes(Runtime.getRuntime().maxMemory()),
        Text.megabytes(heap.peakAfterCollectionBytes()),
        heap.collections());
    HeapWatch.peakResidentBytes()
        .ifPresent(
            resident ->
                System.out.printf(
                    "    peak resident memory of the process over the whole run (heap, ONNX"
                        + " Runtime, Arrow, H2's cache): %s%n",
                    Text.megabytes(resident)));
  }
}
