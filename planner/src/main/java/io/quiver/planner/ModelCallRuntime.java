package io.quiver.planner;

import io.quiver.runtime.ModelInvoker;
import io.quiver.runtime.pipeline.CloseableIterator;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

/** What the generated code of model calls calls: batched evaluation, or one row at a time. */
public final class ModelCallRuntime {
  private ModelCallRuntime() {}

  /**
   * Appends the call's result to each input row: rows are read, batched and run on the model in
   * parallel, and come out in input order.
   */
  public static Enumerable<Object[]> evaluate(Enumerable<Object[]> input, ModelCallSpec spec) {
    return new AbstractEnumerable<Object[]>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new BatchedCall(input.enumerator(), spec);
      }
    };
  }

  /** Runs a call on one row of arguments; returns the model's outputs as a row. */
  public static Object[] invokeOne(String targetKey, Object[] arguments) {
    try (ModelInvoker invoker = ModelCallTargets.get(targetKey).open(1, 1)) {
      return invoker.invokeOne(arguments);
    }
  }

  /** An enumerator that feeds its input to a model pipeline and pairs rows with results. */
  private static final class BatchedCall implements Enumerator<Object[]> {
    private final Enumerator<Object[]> input;
    private final ModelCallSpec spec;
    private final ArrayDeque<Object[]> waiting = new ArrayDeque<>();
    private @Nullable ModelInvoker invoker;
    private @Nullable CloseableIterator<Object[]> results;
    private @Nullable Object[] current;

    BatchedCall(Enumerator<Object[]> input, ModelCallSpec spec) {
      this.input = input;
      this.spec = spec;
    }

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
      Object[] outputs = pipeline.next();
      Object[] row = waiting.removeFirst();
      Object[] joined = new Object[row.length + 1];
      System.arraycopy(row, 0, joined, 0, row.length);
      joined[row.length] = outputs;
      current = joined;
      return true;
    }

    private CloseableIterator<Object[]> start() {
      ModelInvoker opened = spec.target().open(spec.batchSize(), spec.threads());
      invoker = opened;
      CloseableIterator<Object[]> pipeline = opened.invoke(new Arguments());
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
      } catch (Exception e) {
        throw new IllegalStateException("Closing " + spec.target().display() + " failed", e);
      } finally {
        input.close();
      }
    }

    /** The arguments of the input rows, remembering each row until its result comes back. */
    private final class Arguments implements Iterator<Object[]> {
      private boolean fetched;
      private boolean hasRow;

      @Override
      public boolean hasNext() {
        if (!fetched) {
          hasRow = input.moveNext();
          fetched = true;
        }
        return hasRow;
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        fetched = false;
        Object[] row = input.current();
        waiting.addLast(row);
        return spec.arguments(row);
      }
    }
  }
}
