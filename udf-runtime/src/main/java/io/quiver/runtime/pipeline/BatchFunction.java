package io.quiver.runtime.pipeline;

import java.util.List;

/** The work done on one batch: argument rows in, one result row per argument row out. */
@FunctionalInterface
public interface BatchFunction {
  /**
   * Computes the result rows of a batch, in the order of its argument rows. Runs on a worker
   * thread; it should register with {@link Batch#onCancel} anything that can stop it early.
   */
  List<Object[]> apply(Batch batch) throws Exception;
}
