package io.quiver.runtime.signature;

/** How a model output is shaped. */
public enum OutputKind {
  /** A tensor whose first dimension is the batch: one scalar or array per row. */
  TENSOR,
  /** A sequence of maps, one map per row, from class label to score (the ZipMap operator). */
  ZIPMAP
}
