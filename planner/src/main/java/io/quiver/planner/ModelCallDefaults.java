package io.quiver.planner;

import io.quiver.catalog.Session;
import io.quiver.catalog.command.SessionParameters;

/** The batch size and thread count of model calls: the session's, or Quiver's defaults. */
final class ModelCallDefaults {
  /**
   * Rows per batch when the session sets none. The benchmark in the tests module measured it: on
   * both benchmark models, batches of 1,024 to 4,096 rows run within a few percent of each other,
   * and smaller ones lose time to per-batch overhead.
   */
  static final int BATCH_SIZE = 2048;

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
