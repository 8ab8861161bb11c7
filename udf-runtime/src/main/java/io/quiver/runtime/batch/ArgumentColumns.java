package io.quiver.runtime.batch;

import static java.util.Objects.requireNonNull;

import io.quiver.runtime.pipeline.ArgumentRows;
import java.util.List;

/**
 * The arguments of a batch of rows held column by column, as a scan fills them: REAL and DOUBLE
 * columns in primitive arrays, any other column boxed. A NULL in a numeric column is kept as NaN
 * beside a null flag, so that float and double inputs, where NULL means a missing value, copy the
 * column as it is.
 */
public final class ArgumentColumns implements ArgumentRows {
  /** How a column holds its values. */
  public enum Kind {
    FLOAT,
    DOUBLE,
    OBJECT
  }

  private final Kind[] kinds;
  private final float[][] floats;
  private final double[][] doubles;
  private final Object[][] objects;

  /** The null flags of each column, made at its first NULL. */
  private final boolean[][] nulls;

  private final int capacity;
  private int size;

  /**
   * @param kinds how each argument's column holds its values
   * @param capacity the most rows the columns hold
   */
  public ArgumentColumns(List<Kind> kinds, int capacity) {
    this.kinds = requireNonNull(kinds, "kinds is null").toArray(Kind[]::new);
    this.capacity = capacity;
    this.floats = new float[this.kinds.length][];
    this.doubles = new double[this.kinds.length][];
    this.objects = new Object[this.kinds.length][];
    this.nulls = new boolean[this.kinds.length][];
    for (int argument = 0; argument < this.kinds.length; argument++) {
      switch (this.kinds[argument]) {
        case FLOAT -> floats[argument] = new float[capacity];
        case DOUBLE -> doubles[argument] = new double[capacity];
        case OBJECT -> objects[argument] = new Object[capacity];
      }
    }
  }

  /** Sets the number of rows filled, after filling them. */
  public void setSize(int size) {
    if (size < 0 || size > capacity) {
      throw new IllegalArgumentException(
          "A batch of " + capacity + " rows cannot hold " + size + " rows");
    }
    this.size = size;
  }

  public void setFloat(int argument, int row, float value) {
    floats[argument][row] = value;
  }

  public void setDouble(int argument, int row, double value) {
    doubles[argument][row] = value;
  }

  public void setObject(int argument, int row, Object value) {
    objects[argument][row] = value;
  }

  /** Marks an argument of a row NULL. */
  public void setNull(int argument, int row) {
    switch (kinds[argument]) {
      case FLOAT -> floats[argument][row] = Float.NaN;
      case DOUBLE -> doubles[argument][row] = Double.NaN;
      case OBJECT -> objects[argument][row] = null;
    }
    if (nulls[argument] == null) {
      nulls[argument] = new boolean[capacity];
    }
    nulls[argument][row] = true;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int argumentCount(int row) {
    return kinds.length;
  }

  @Override
  public Object value(int row, int argument) {
    if (nulls[argument] != null && nulls[argument][row]) {
      return null;
    }
    return switch (kinds[argument]) {
      case FLOAT -> floats[argument][row];
      case DOUBLE -> doubles[argument][row];
      case OBJECT -> objects[argument][row];
    };
  }

  /** Whether the arguments from {@code first} on, {@code count} of them, are REAL or DOUBLE. */
  boolean numeric(int first, int count) {
    for (int argument = first; argument < first + count; argument++) {
      if (kinds[argument] == Kind.OBJECT) {
        return false;
      }
    }
    return true;
  }

  /** A numeric argument as a float; NaN for NULL. */
  float floatAt(int argument, int row) {
    float[] column = floats[argument];
    return column != null ? column[row] : (float) doubles[argument][row];
  }

  /** A numeric argument as a double; NaN for NULL. */
  double doubleAt(int argument, int row) {
    double[] column = doubles[argument];
    return column != null ? column[row] : floats[argument][row];
  }
}
