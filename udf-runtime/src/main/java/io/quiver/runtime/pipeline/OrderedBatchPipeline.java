package io.quiver.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import io.quiver.runtime.ModelInvocationException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Runs a function over batches of input rows on worker threads and yields the result rows in input
 * order.
 *
 * <p>The input is read on the consumer's thread, in batches of {@code batchSize} rows, each
 * submitted to the workers as soon as it is read. At most {@code parallelism + 2} batches are in
 * flight (read and not yet fully consumed): the oldest, whose results the consumer iterates, up to
 * {@code parallelism} running, and one queued, so that a worker that finishes finds the next batch
 * waiting instead of waiting for the consumer. Memory therefore stays bounded whatever the size of
 * the input.
 *
 * <p>A batch that fails closes the pipeline, and its exception is rethrown to the consumer as
 * thrown by the function when unchecked. {@link #close()} may be called from any thread: it cancels
 * the batches in flight, waits until the running ones have stopped (and so freed their memory), and
 * is idempotent. The pipeline does not close its input; its owner does.
 */
public final class OrderedBatchPipeline implements CloseableIterator<Object[]> {
  private final BatchReader input;
  private final int batchSize;
  private final int parallelism;
  private final BatchFunction function;
  private final Executor executor;

  private final ArrayDeque<BatchTask> pending = new ArrayDeque<>();
  private final Object lock = new Object();
  private final Set<BatchTask> unfinished = new HashSet<>();
  private volatile boolean closed;

  private boolean inputExhausted;
  private int nextBatchIndex;
  private long nextRowNumber = 1;
  private List<Object[]> current;
  private int position;

  /**
   * @param input the reader of the argument rows; called on the consumer's thread only
   * @param batchSize the rows per batch, at least 1
   * @param parallelism the batches run at the same time, at least 1
   * @param function the work on one batch
   */
  public OrderedBatchPipeline(
      BatchReader input, int batchSize, int parallelism, BatchFunction function) {
    this.input = requireNonNull(input, "input is null");
    this.function = requireNonNull(function, "function is null");
    if (batchSize < 1 || parallelism < 1) {
      throw new IllegalArgumentException(
          "batchSize is "
              + batchSize
              + " and parallelism "
              + parallelism
              + "; both must be at least 1");
    }
    this.batchSize = batchSize;
    this.parallelism = parallelism;
    this.executor = BatchExecutor.withThreads(parallelism);
  }

  @Override
  public boolean hasNext() {
    checkOpen();
    while (current == null || position == current.size()) {
      current = null;
      submitWhileRoom();
      BatchTask oldest = pending.peek();
      if (oldest == null) {
        return false;
      }
      List<Object[]> results = resultOf(oldest);
      pending.poll();
      current = results;
      position = 0;
    }
    return true;
  }

  @Override
  public Object[] next() {
    if (!hasNext()) {
      throw new NoSuchElementException("No more result rows");
    }
    return current.get(position++);
  }

  @Override
  public void close() {
    List<BatchTask> running;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      running = List.copyOf(unfinished);
    }

    running.forEach(BatchTask::cancel);
    running.forEach(BatchTask::awaitFinished);
  }

  /** Batches read from the input and not yet fully consumed, for tests and monitoring. */
  int batchesInFlight() {
    return pending.size() + (current == null ? 0 : 1);
  }

  private void submitWhileRoom() {
    while (!inputExhausted && batchesInFlight() < parallelism + 2) {
      ArgumentRows rows = readBatch();
      if (rows.size() == 0) {
        return;
      }

      Batch batch = new Batch(nextBatchIndex++, nextRowNumber, rows);
      nextRowNumber += rows.size();
      BatchTask task = new BatchTask(batch, function, this::finished);
      synchronized (lock) {
        checkOpen();
        unfinished.add(task);
      }
      pending.add(task);
      executor.execute(task);
    }
  }

  private ArgumentRows readBatch() {
    ArgumentRows rows;
    try {
      rows = requireNonNull(input.read(batchSize), "the reader returned no rows object");
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
    if (rows.size() > batchSize) {
      close();
      throw new IllegalStateException(
          "The reader returned " + rows.size() + " rows for a batch of " + batchSize);
    }
    inputExhausted = rows.size() < batchSize;
    return rows;
  }

  private List<Object[]> resultOf(BatchTask task) {
    List<Object[]> results;
    try {
      results = task.awaitResult();
    } catch (RuntimeException | Error e) {
      boolean closedMeanwhile = closed;
      close();
      if (closedMeanwhile) {
        throw new ModelInvocationException("The model call was closed while running", e);
      }
      throw e;
    }
    if (closed) {
      throw new ModelInvocationException("The model call was closed while running");
    }
    return results;
  }

  private void finished(BatchTask task) {
    synchronized (lock) {
      unfinished.remove(task);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("The model call is closed");
    }
  }
}
