package io.quiver.runtime.pipeline;

import io.quiver.runtime.ModelInvocationException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** One batch submitted to the workers: its function call, result and completion. */
final class BatchTask implements Runnable {
  private enum State {
    QUEUED,
    RUNNING,
    DONE
  }

  private final Batch batch;
  private final BatchFunction function;
  private final Consumer<BatchTask> onFinish;
  private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
  private final CompletableFuture<List<Object[]>> result = new CompletableFuture<>();
  private final CountDownLatch finished = new CountDownLatch(1);

  BatchTask(Batch batch, BatchFunction function, Consumer<BatchTask> onFinish) {
    this.batch = batch;
    this.function = function;
    this.onFinish = onFinish;
  }

  Batch batch() {
    return batch;
  }

  @Override
  public void run() {
    if (!state.compareAndSet(State.QUEUED, State.RUNNING)) {
      return;
    }
    try {
      List<Object[]> rows = function.apply(batch);
      if (rows.size() != batch.size()) {
        throw new ModelInvocationException(
            "Batch "
                + batch.index()
                + " of "
                + batch.size()
                + " rows gave "
                + rows.size()
                + " result rows");
      }
      result.complete(rows);
    } catch (Throwable failure) {
      result.completeExceptionally(failure);
    } finally {
      finish();
    }
  }

  /** Cancels the batch: a queued one never starts, a running one is asked to stop early. */
  void cancel() {
    if (state.compareAndSet(State.QUEUED, State.DONE)) {
      result.cancel(false);
      onFinish.accept(this);
      finished.countDown();
      return;
    }
    batch.cancel();
  }

  /** Waits until the batch has stopped and freed what it held. */
  void awaitFinished() {
    boolean interrupted = false;
    while (true) {
      try {
        finished.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The result rows, waiting for them. A failure of the batch is rethrown as it was thrown on the
   * worker when unchecked, so its type and message reach the caller intact.
   */
  List<Object[]> awaitResult() {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelInvocationException("Interrupted while waiting for batch " + batch.index(), e);
    } catch (CancellationException e) {
      throw new ModelInvocationException("Batch " + batch.index() + " was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new ModelInvocationException(cause.getMessage(), cause);
    }
  }

  private void finish() {
    state.set(State.DONE);
    onFinish.accept(this);
    finished.countDown();
  }
}
