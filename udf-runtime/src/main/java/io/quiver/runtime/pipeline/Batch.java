package io.quiver.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** A batch of rows' arguments on its way through a pipeline, and whether it was cancelled. */
public final class Batch {
  private final int index;
  private final long firstRowNumber;
  private final ArgumentRows arguments;
  private final List<Runnable> cancelActions = new ArrayList<>();
  private boolean cancelled;

  /**
   * @param index the 0-based position of the batch in its pipeline
   * @param firstRowNumber the 1-based number of its first row among all rows of the pipeline
   * @param arguments the arguments of its rows
   */
  public Batch(int index, long firstRowNumber, ArgumentRows arguments) {
    this.index = index;
    this.firstRowNumber = firstRowNumber;
    this.arguments = requireNonNull(arguments, "arguments is null");
  }

  public int index() {
    return index;
  }

  public long firstRowNumber() {
    return firstRowNumber;
  }

  public ArgumentRows arguments() {
    return arguments;
  }

  /** The number of rows. */
  public int size() {
    return arguments.size();
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /**
   * Registers an action to run when the batch is cancelled, at once if it already is. The returned
   * handle unregisters it; close it before freeing what the action touches.
   */
  public Registration onCancel(Runnable action) {
    requireNonNull(action, "action is null");
    synchronized (this) {
      if (!cancelled) {
        cancelActions.add(action);
        return () -> unregister(action);
      }
    }
    action.run();
    return () -> {};
  }

  /** Cancels the batch and runs the registered actions. Idempotent. */
  void cancel() {
    List<Runnable> actions;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      actions = List.copyOf(cancelActions);
    }
    actions.forEach(Runnable::run);
  }

  private synchronized void unregister(Runnable action) {
    cancelActions.remove(action);
  }

  /** Unregisters a cancel action. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
