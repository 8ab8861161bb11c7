package io.quiver.planner;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.quiver.runtime.batch.ArgumentColumns;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the H2 query beneath a model call in batches of typed columns. The first batch is read on
 * the caller's thread; when there is more, a reader thread reads on, at most {@value
 * #BATCHES_AHEAD} batches ahead of the caller, so that H2's scan runs beside the model and the
 * caller's own work.
 *
 * <p>The reader thread is never interrupted, since an interrupt closes the file channels H2 reads
 * through; {@link #close()} asks it to stop and waits for it, then closes the query.
 */
final class JdbcScanReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcScanReader.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** Batches read and not yet taken; two smooth out the moments when the reader gets no core. */
  static final int BATCHES_AHEAD = 2;

  /** Rows read from the scan: their arguments, and the output rows waiting for the results. */
  record ScanBatch(ArgumentColumns arguments, List<Object[]> outputRows) {}

  /** What the reader thread hands over: a batch, or the failure that ended the scan. */
  private record Handover(@Nullable ScanBatch batch, @Nullable Throwable failure) {}

  private final JdbcScan scan;
  private final int batchSize;
  private final String callName;
  private final Connection connection;
  private final ResultSet resultSet;
  private final BlockingQueue<Handover> ready = new ArrayBlockingQueue<>(BATCHES_AHEAD);
  private volatile boolean stopped;
  private @Nullable Thread thread;
  private boolean firstRead;
  private boolean exhausted;

  private JdbcScanReader(
      JdbcScan scan, int batchSize, String callName, Connection connection, ResultSet resultSet) {
    this.scan = scan;
    this.batchSize = batchSize;
    this.callName = callName;
    this.connection = connection;
    this.resultSet = resultSet;
  }

  /** Runs the query. */
  static JdbcScanReader open(
      DataSource dataSource, JdbcScan scan, int batchSize, int timeoutSeconds, String callName) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      Statement statement = connection.createStatement();
      if (timeoutSeconds > 0) {
        statement.setQueryTimeout(timeoutSeconds);
      }
      ResultSet resultSet = statement.executeQuery(scan.sql());
      return new JdbcScanReader(scan, batchSize, callName, connection, resultSet);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw readFailure(callName, e);
    }
  }

  /** The next batch; fewer than the batch size of rows means that the scan has ended. */
  ScanBatch next() {
    if (!firstRead) {
      firstRead = true;
      ScanBatch first = read();
      if (!exhausted) {
        startThread();
      }
      return first;
    }
    if (thread == null) {
      return emptyBatch();
    }
    Handover handover = take();
    if (handover.failure() instanceof Error error) {
      throw error;
    }
    if (handover.failure() != null) {
      throw (RuntimeException) handover.failure();
    }
    return handover.batch();
  }

  @Override
  public void close() {
    stopped = true;
    Thread reader = thread;
    if (reader != null) {
      ready.clear();
      joinUninterruptibly(reader);
      ready.clear();
    }
    try (Connection closing = connection) {
      resultSet.getStatement().close();
    } catch (SQLException e) {
      throw new IllegalStateException("Closing the input of " + callName + " failed", e);
    }
  }

  private void startThread() {
    Thread reader = new Thread(this::readAhead, "quiver-scan-" + THREADS.incrementAndGet());
    reader.setDaemon(true);
    thread = reader;
    reader.start();
  }

  /**
   * The reader thread: reads batches until the scan ends, fails or is stopped. Any failure, an
   * Error such as running out of memory included, goes to the caller, who would otherwise wait for
   * a batch that never comes.
   */
  private void readAhead() {
    try {
      while (!stopped && !exhausted) {
        ScanBatch batch = read();
        if (!hand(new Handover(batch, null))) {
          return;
        }
      }
    } catch (RuntimeException | Error e) {
      hand(new Handover(null, e));
    }
  }

  /** Hands a batch to the caller, waiting for room; false when the reader was stopped. */
  private boolean hand(Handover handover) {
    try {
      while (!stopped) {
        if (ready.offer(handover, 50, MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.debug("The scan reader of {} was interrupted", callName);
    }
    return false;
  }

  private Handover take() {
    try {
      return ready.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the input of " + callName, e);
    }
  }

  private ScanBatch read() {
    ArgumentColumns columns = new ArgumentColumns(scan.argumentKinds(), batchSize);
    List<Object[]> outputRows = new ArrayList<>(batchSize);
    try {
      while (outputRows.size() < batchSize && !exhausted) {
        if (!resultSet.next()) {
          exhausted = true;
          break;
        }
        scan.readArguments(resultSet, columns, outputRows.size());
        outputRows.add(scan.readForwarded(resultSet));
      }
    } catch (SQLException e) {
      exhausted = true;
      throw readFailure(callName, e);
    }
    columns.setSize(outputRows.size());
    return new ScanBatch(columns, outputRows);
  }

  private ScanBatch emptyBatch() {
    return new ScanBatch(new ArgumentColumns(scan.argumentKinds(), 0), List.of());
  }

  private static RuntimeException readFailure(String callName, SQLException e) {
    return new IllegalStateException(
        "Reading the input of " + callName + " failed: " + e.getMessage(), e);
  }

  private static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(@Nullable Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("Closing a connection after a failed query", e);
    }
  }
}
