package io.quiver.runtime.batch;

import io.quiver.runtime.signature.ElementType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The implicit casts from argument values, as JDBC and Calcite hand them over, to input types.
 *
 * <ul>
 *   <li>float and double inputs take any number; NULL becomes NaN, the missing value of tree
 *       models.
 *   <li>Integer inputs take Byte, Short, Integer, Long, BigInteger and whole BigDecimal values
 *       within the range of the input type.
 *   <li>bool inputs take Boolean, string inputs String.
 * </ul>
 *
 * Anything else, and NULL where the type has no missing value, is an error naming the site.
 */
final class ArgumentValues {
  private static final BigInteger LONG_MINIMUM = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAXIMUM = BigInteger.valueOf(Long.MAX_VALUE);

  private ArgumentValues() {}

  static double toDouble(Object value, ElementType type, ArgumentSite site) {
    if (value == null) {
      return Double.NaN;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw site.wrongType(value, type);
  }

  static float toFloat(Object value, ElementType type, ArgumentSite site) {
    if (value instanceof Float number) {
      return number;
    }
    return (float) toDouble(value, type, site);
  }

  static long toLong(Object value, ElementType type, ArgumentSite site) {
    if (value == null) {
      throw site.nullValue(type);
    }

    long result;
    if (value instanceof Long || value instanceof Integer) {
      result = ((Number) value).longValue();
    } else if (value instanceof Short || value instanceof Byte) {
      result = ((Number) value).longValue();
    } else if (value instanceof BigInteger integer) {
      result = checkedLong(integer, value, type, site);
    } else if (value instanceof BigDecimal decimal) {
      result = checkedLong(wholePart(decimal, type, site), value, type, site);
    } else {
      throw site.wrongType(value, type);
    }

    if (result < type.minimum().orElseThrow() || result > type.maximum().orElseThrow()) {
      throw site.outOfRange(value, type);
    }
    return result;
  }

  static boolean toBoolean(Object value, ElementType type, ArgumentSite site) {
    if (value == null) {
      throw site.nullValue(type);
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw site.wrongType(value, type);
  }

  static String toText(Object value, ElementType type, ArgumentSite site) {
    if (value == null) {
      throw site.nullValue(type);
    }
    if (value instanceof String text) {
      return text;
    }
    throw site.wrongType(value, type);
  }

  private static BigInteger wholePart(BigDecimal decimal, ElementType type, ArgumentSite site) {
    if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
      throw site.fractional(decimal, type);
    }
    return decimal.toBigInteger();
  }

  private static long checkedLong(
      BigInteger integer, Object value, ElementType type, ArgumentSite site) {
    if (integer.compareTo(LONG_MINIMUM) < 0 || integer.compareTo(LONG_MAXIMUM) > 0) {
      throw site.outOfRange(value, type);
    }
    return integer.longValueExact();
  }
}
