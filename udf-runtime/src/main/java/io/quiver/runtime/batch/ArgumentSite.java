package io.quiver.runtime.batch;

import io.quiver.runtime.InvalidArgumentException;
import io.quiver.runtime.signature.ElementType;
import io.quiver.runtime.signature.ExpectedArgument;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Where the value being encoded comes from: method, argument, array element and row. Encoders move
 * one site along instead of allocating one per value; it only builds error messages.
 */
final class ArgumentSite {
  private final String method;
  private ExpectedArgument argument;
  private int element;
  private long rowNumber;

  ArgumentSite(String method) {
    this.method = method;
  }

  void moveTo(ExpectedArgument argument, int element, long rowNumber) {
    this.argument = argument;
    this.element = element;
    this.rowNumber = rowNumber;
  }

  void moveToElement(int element) {
    this.element = element;
  }

  ExpectedArgument argument() {
    return argument;
  }

  long rowNumber() {
    return rowNumber;
  }

  InvalidArgumentException nullValue(ElementType type) {
    return new InvalidArgumentException(
        describe()
            + " is NULL in row "
            + rowNumber
            + "; input type "
            + type
            + " has no missing value");
  }

  InvalidArgumentException wrongType(Object value, ElementType type) {
    String expected =
        type.isFloatingPoint()
            ? "a number"
            : type.isIntegral() ? "an integer" : "a " + type.sqlTypeName();
    return new InvalidArgumentException(
        describe()
            + " has type "
            + sqlTypeOf(value)
            + " in row "
            + rowNumber
            + "; input type "
            + type
            + " takes "
            + expected);
  }

  InvalidArgumentException outOfRange(Object value, ElementType type) {
    return new InvalidArgumentException(
        describe()
            + " is "
            + value
            + " in row "
            + rowNumber
            + ", outside the range of input type "
            + type
            + " ("
            + type.minimum().orElseThrow()
            + " to "
            + type.maximum().orElseThrow()
            + ")");
  }

  InvalidArgumentException fractional(Object value, ElementType type) {
    return new InvalidArgumentException(
        describe()
            + " is "
            + value
            + " in row "
            + rowNumber
            + "; input type "
            + type
            + " takes whole numbers");
  }

  InvalidArgumentException wrongLength(int length, int expected) {
    return new InvalidArgumentException(
        describe()
            + " has "
            + length
            + " elements in row "
            + rowNumber
            + "; input '"
            + argument.input()
            + "' takes "
            + expected
            + (expected == 1 ? " value" : " values")
            + " per row");
  }

  InvalidArgumentException notAnArray(Object value) {
    return new InvalidArgumentException(
        describe()
            + " has type "
            + sqlTypeOf(value)
            + " in row "
            + rowNumber
            + "; input '"
            + argument.input()
            + "' takes an ARRAY("
            + argument.type().sqlTypeName()
            + ")");
  }

  /** "Argument 3 (input 'features', column 3) of method PREDICT", or the element of an array. */
  String describe() {
    if (element == 0) {
      return argument.describe() + " of method " + method;
    }
    return "Element "
        + element
        + " of argument "
        + argument.position()
        + " (input '"
        + argument.input()
        + "') of method "
        + method;
  }

  /** The SQL type a Java value passed as an argument most likely had, for error messages. */
  static String sqlTypeOf(Object value) {
    if (value instanceof String) {
      return "VARCHAR";
    } else if (value instanceof Boolean) {
      return "BOOLEAN";
    } else if (value instanceof Byte) {
      return "TINYINT";
    } else if (value instanceof Short) {
      return "SMALLINT";
    } else if (value instanceof Integer) {
      return "INTEGER";
    } else if (value instanceof Long) {
      return "BIGINT";
    } else if (value instanceof Float) {
      return "REAL";
    } else if (value instanceof Double) {
      return "DOUBLE";
    } else if (value instanceof BigDecimal || value instanceof BigInteger) {
      return "DECIMAL";
    } else if (value instanceof List || value instanceof Object[]) {
      return "ARRAY";
    } else if (value instanceof Map) {
      return "MAP";
    }
    return value.getClass().getSimpleName();
  }
}
