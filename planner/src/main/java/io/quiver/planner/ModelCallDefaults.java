package io.quiver.planner;

import io.quiver.catalog.Session;
import io.quiver.catalog.command.SessionParameters;
import io.quiver.runtime.signature.ArgumentLayout;
import io.quiver.runtime.signature.InputBinding;
import java.util.OptionalInt;

/** The batch size and thread count of model calls: the session's, or Quiver's defaults. */
final class ModelCallDefaults {
  /**
   * Argument values a batch holds when the session sets no batch size: 262,144 values, 2 MB as
   * doubles, so that the batches in flight stay within a few tens of MB however wide the rows are.
   * The benchmark in the tests module chose it: with 20 features a row, batches of 8,192 rows score
   * the MLP about 10% faster than batches of 4,096 and 20% faster than 2,048, because each batch
   * costs some hand-overs between threads; the tree model runs alike at any size.
   */
  static final int BATCH_VALUES = 1 << 18;

  /** The fewest rows of a default batch, however wide its rows. */
  static final int MIN_BATCH_SIZE = 16;

  /** The most rows of a default batch, however narrow its rows. */
  static final int MAX_BATCH_SIZE = 8192;

  private ModelCallDefaults() {}

  /** The batch size the session sets, if any. */
  static OptionalInt sessionBatchSize(Session session) {
    return session.parameter(SessionParameters.MODEL_BATCH_SIZE).stream()
        .mapToInt(Integer::parseInt)
        .findFirst();
  }

  /**
   * The rows of a default batch of a call: as many as hold {@link #BATCH_VALUES} argument values,
   * within {@link #MIN_BATCH_SIZE} and {@link #MAX_BATCH_SIZE}. An input whose row length is known
   * only from its array arguments counts as one value a row.
   */
  static int batchSize(ModelCallTarget target) {
    ArgumentLayout layout =
        ArgumentLayout.forArgumentCount(target.signature(), target.argumentCount());
    long valuesPerRow = 0;
    for (InputBinding input : layout.inputs()) {
      valuesPerRow += Math.max(1, input.valuesPerRow());
    }
    long rows = BATCH_VALUES / Math.max(1, valuesPerRow);
    return (int) Math.max(MIN_BATCH_SIZE, Math.min(MAX_BATCH_SIZE, rows));
  }

  static int threads(Session session) {
    return session
        .parameter(SessionParameters.MODEL_THREADS)
        .map(Integer::parseInt)
        .orElse(Runtime.getRuntime().availableProcessors());
  }
}
