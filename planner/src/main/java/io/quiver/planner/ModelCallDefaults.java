package io.quiver.planner;

import io.quiver.catalog.Session;
import io.quiver.catalog.command.SessionParameters;

/** The batch size and thread count of model calls: the session's, or Quiver's defaults. */
final class ModelCallDefaults {
  /**
   * Rows per batch when the session sets none. The benchmark in the tests module measured it: with
   * the scan read beside the model, batches of 4,096 rows score the MLP about 10% faster than
   * batches of 2,048, and 8,192 no faster; the tree model runs alike at any size.
   */
  static final int BATCH_SIZE = 4096;

  private ModelCallDefaults() {}

  static int batchSize(Session session) {
    return session
        .parameter(SessionParameters.MODEL_BATCH_SIZE)
        .map(Integer::parseInt)
        .orElse(BATCH_SIZE);
  }

  static int threads(Session session) {
    return session
        .parameter(SessionParameters.MODEL_THREADS)
        .map(Integer::parseInt)
        .orElse(Runtime.getRuntime().availableProcessors());
  }
}
