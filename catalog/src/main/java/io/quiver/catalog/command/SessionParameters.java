package io.quiver.catalog.command;

import io.quiver.catalog.QuiverException;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The parameters {@code ALTER SESSION SET} accepts, and their checks. */
public final class SessionParameters {
  /** Rows per batch handed to a model method. */
  public static final String MODEL_BATCH_SIZE = "MODEL_BATCH_SIZE";

  /** Batches of one model call run at once. */
  public static final String MODEL_THREADS = "MODEL_THREADS";

  private static final Map<String, Integer> LIMITS =
      Map.of(MODEL_BATCH_SIZE, 1_000_000, MODEL_THREADS, 256);

  private SessionParameters() {}

  static void check(String name, @Nullable String value) {
    Integer limit = LIMITS.get(name);
    if (limit == null) {
      throw QuiverException.invalid(
          "Unknown session parameter "
              + name
              + "; parameters are "
              + String.join(", ", new java.util.TreeSet<>(LIMITS.keySet())));
    }
    int number;
    try {
      number = Integer.parseInt(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw QuiverException.invalid(
          "Session parameter "
              + name
              + " takes a whole number from 1 to "
              + limit
              + ", not "
              + value);
    }
    if (number < 1 || number > limit) {
      throw QuiverException.invalid(
          "Session parameter "
              + name
              + " takes a whole number from 1 to "
              + limit
              + ", not "
              + number);
    }
  }
}
