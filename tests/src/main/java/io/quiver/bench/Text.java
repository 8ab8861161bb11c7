package io.quiver.bench;

import java.util.Locale;

/** How the benchmark writes numbers. */
final class Text {
  private Text() {}

  /** 1234567 as "1,234,567". */
  static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /** A rate in rows per second, rounded to a whole row. */
  static String rate(double rowsPerSecond) {
    return count(Math.round(rowsPerSecond));
  }

  /** Nanoseconds as seconds, e.g. "12.34 s". */
  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  /** Bytes as mebibytes, e.g. "312 MB". */
  static String megabytes(long bytes) {
    return count(Math.round(bytes / (1024.0 * 1024.0))) + " MB";
  }

  /** A ratio with two decimals, e.g. "0.87". */
  static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.2f", ratio);
  }

  /** A difference in scientific notation, e.g. "3.1e-07". */
  static String difference(double difference) {
    return String.format(Locale.ROOT, "%.1e", difference);
  }
}
