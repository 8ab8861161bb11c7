package io.quiver.planner;

import io.quiver.runtime.ModelInvoker;
import io.quiver.runtime.pipeline.BatchReader;
import java.util.Iterator;
import java.util.NoSuchElementException;
import javax.sql.DataSource;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/** What the generated code of model calls calls: batched evaluation, or one row at a time. */
public final class ModelCallRuntime {
  private ModelCallRuntime() {}

  /**
   * Appends the call's result to the forwarded fields of each input row: rows are read, batched and
   * run on the model in parallel, and come out in input order.
   */
  public static Enumerable<Object[]> evaluate(Enumerable<Object[]> input, ModelCallSpec spec) {
    return new AbstractEnumerable<Object[]>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new BatchedCall(input.enumerator(), spec);
      }
    };
  }

  /**
   * Appends the call's result to the forwarded fields of each row of an H2 query that the call runs
   * itself, filling its batches column by column from the result set.
   */
  public static Enumerable<Object[]> evaluateScan(
      DataSource dataSource, JdbcScan scan, ModelCallSpec spec, DataContext context) {
    int timeoutSeconds = queryTimeoutSeconds(context);
    return new AbstractEnumerable<Object[]>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new ScannedModelCall(dataSource, scan, spec, timeoutSeconds);
      }
    };
  }

  /** The statement's query timeout, which JDBC counts in whole seconds; 0 for none. */
  private static int queryTimeoutSeconds(DataContext context) {
    Object timeout = context.get(DataContext.Variable.TIMEOUT.camelName);
    if (!(timeout instanceof Long milliseconds) || milliseconds <= 0) {
      return 0;
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (milliseconds + 999) / 1000));
  }

  /** Runs a call on one row of arguments; returns the model's outputs as a row. */
  public static Object[] invokeOne(String targetKey, Object[] arguments) {
    try (ModelInvoker invoker = ModelCallTargets.get(targetKey).open(1, 1)) {
      return invoker.invokeOne(arguments);
    }
  }

  /** A model call over rows that an enumerator of its input yields. */
  private static final class BatchedCall extends ModelCallEnumerator {
    private final Enumerator<Object[]> input;

    BatchedCall(Enumerator<Object[]> input, ModelCallSpec spec) {
      super(spec);
      this.input = input;
    }

    @Override
    protected BatchReader openInput() {
      return BatchReader.of(new Arguments());
    }

    @Override
    protected Object[] outputRow(Object[] result) {
      return spec.output(waiting.removeFirst(), result);
    }

    @Override
    protected void closeInput() {
      input.close();
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
