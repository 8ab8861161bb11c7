package io.quiver.planner;

import io.quiver.runtime.ModelInvoker;
import io.quiver.runtime.pipeline.BatchReader;
import io.quiver.runtime.pipeline.CloseableIterator;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The output rows of a model call: its input is read in batches and run on the model in parallel,
 * and each output row waits, in input order, for its result. Nothing runs until the first row is
 * asked for.
 */
abstract class ModelCallEnumerator implements Enumerator<Object[]> {
  protected final ModelCallSpec spec;

  /** The output rows of the batches in flight, in input order, each waiting for its result. */
  protected final ArrayDeque<Object[]> waiting = new ArrayDeque<>();

  private @Nullable ModelInvoker invoker;
  private @Nullable CloseableIterator<Object[]> results;
  private @Nullable Object[] current;

  ModelCallEnumerator(ModelCallSpec spec) {
    this.spec = spec;
  }

  /** Starts reading the input; each batch read adds its rows to {@link #waiting}. */
  protected abstract BatchReader openInput();

  /** The output row of the oldest waiting row, given its result. */
  protected abstract Object[] outputRow(Object[] result);

  /** Stops reading the input and frees what it holds. */
  protected abstract void closeInput();

  @Override
  public Object[] current() {
    if (current == null) {
      throw new NoSuchElementException();
    }
    return current;
  }

  @Override
  public boolean moveNext() {
    CloseableIterator<Object[]> pipeline = results == null ? start() : results;
    if (!pipeline.hasNext()) {
      current = null;
      return false;
    }
    current = outputRow(pipeline.next());
    return true;
  }

  private CloseableIterator<Object[]> start() {
    BatchReader input = openInput();
    ModelInvoker opened = spec.target().open(spec.batchSize(), spec.threads());
    invoker = opened;
    CloseableIterator<Object[]> pipeline = opened.invoke(input);
    results = pipeline;
    return pipeline;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("A model call's rows cannot be read twice");
  }

  @Override
  public void close() {
    try {
      if (results != null) {
        results.close();
      }
      if (invoker != null) {
        invoker.close();
      }
    } finally {
      closeInput();
    }
  }
}
