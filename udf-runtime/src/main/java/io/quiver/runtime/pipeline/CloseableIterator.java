package io.quiver.runtime.pipeline;

import java.util.Iterator;

/** An iterator over results that holds resources until it is closed. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  /** Releases the resources. Idempotent; never throws a checked exception. */
  @Override
  void close();
}
