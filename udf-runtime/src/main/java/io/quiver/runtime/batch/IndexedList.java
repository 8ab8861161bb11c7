package io.quiver.runtime.batch;

import java.util.AbstractList;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * A read-only list whose elements are read on access, for the array outputs of a row: it views a
 * slice of a primitive buffer and boxes an element only when it is asked for.
 */
final class IndexedList<T> extends AbstractList<T> implements RandomAccess {
  private final int size;
  private final IntFunction<T> element;

  IndexedList(int size, IntFunction<T> element) {
    this.size = size;
    this.element = element;
  }

  @Override
  public T get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("Index " + index + " of a list of " + size);
    }
    return element.apply(index);
  }

  @Override
  public int size() {
    return size;
  }
}
