package io.quiver.planner;

import io.quiver.runtime.pipeline.ArgumentRows;
import io.quiver.runtime.pipeline.BatchReader;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A model call that runs its H2 query itself: batches are filled column by column from the result
 * set ({@link JdbcScanReader}), and the output rows, holding the forwarded fields, are made as the
 * rows are read.
 */
final class ScannedModelCall extends ModelCallEnumerator {
  private final DataSource dataSource;
  private final JdbcScan scan;
  private final int timeoutSeconds;
  private @Nullable JdbcScanReader reader;

  ScannedModelCall(DataSource dataSource, JdbcScan scan, ModelCallSpec spec, int timeoutSeconds) {
    super(spec);
    this.dataSource = dataSource;
    this.scan = scan;
    this.timeoutSeconds = timeoutSeconds;
  }

  @Override
  protected BatchReader openInput() {
    String callName = spec.target().display();
    reader = JdbcScanReader.open(dataSource, scan, spec.batchSize(), timeoutSeconds, callName);
    return this::readBatch;
  }

  private ArgumentRows readBatch(int maxRows) {
    if (maxRows != spec.batchSize()) {
      throw new IllegalStateException(
          "Batches of " + maxRows + " rows asked of a scan read in batches of " + spec.batchSize());
    }
    JdbcScanReader.ScanBatch batch = reader.next();
    waiting.addAll(batch.outputRows());
    return batch.arguments();
  }

  @Override
  protected Object[] outputRow(Object[] result) {
    Object[] row = waiting.removeFirst();
    row[row.length - 1] = result;
    return row;
  }

  @Override
  protected void closeInput() {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }
}
