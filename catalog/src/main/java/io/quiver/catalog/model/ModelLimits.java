package io.quiver.catalog.model;

import io.quiver.runtime.signature.MethodSignature;
import java.util.List;
import java.util.Objects;

/**
 * The limits of the model registry, as Snowflake documents them. All are fixed except the size of a
 * model file, which the system property {@value #MAX_MODEL_BYTES_PROPERTY} sets.
 *
 * @param maxModelBytes the largest model file the registry accepts, in bytes
 */
public record ModelLimits(long maxModelBytes) {
  public static final int MAX_VERSIONS = 1000;
  public static final int MAX_METHODS = 10;
  public static final int MAX_ARGUMENTS = 500;
  public static final int MAX_METADATA_BYTES = 100 * 1024;
  public static final int MAX_TAG_VALUE_LENGTH = 256;
  public static final long DEFAULT_MAX_MODEL_BYTES = 5L * 1024 * 1024 * 1024;
  public static final String MAX_MODEL_BYTES_PROPERTY = "quiver.model.maxBytes";

  public ModelLimits {
    if (maxModelBytes <= 0) {
      throw new IllegalArgumentException(
          "The model size limit must be positive; " + maxModelBytes + " was given");
    }
  }

  /** The default limits, with the model size limit read from the system property if set. */
  public static ModelLimits fromSystemProperties() {
    String value = System.getProperty(MAX_MODEL_BYTES_PROPERTY);
    if (value == null || value.isBlank()) {
      return new ModelLimits(DEFAULT_MAX_MODEL_BYTES);
    }
    try {
      return new ModelLimits(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "System property "
              + MAX_MODEL_BYTES_PROPERTY
              + " must be a number of bytes; it is '"
              + value
              + "'",
          e);
    }
  }

  /** Fails when a model file of this size is larger than the limit. */
  void checkModelSize(long bytes, String origin) {
    if (bytes > maxModelBytes) {
      throw ModelErrors.limit(
          "Model file "
              + origin
              + " has "
              + bytes
              + " bytes; the model size limit is "
              + maxModelBytes
              + " bytes (system property "
              + MAX_MODEL_BYTES_PROPERTY
              + ")");
    }
  }

  /** Fails when a version has more methods, or a method more arguments, than allowed. */
  static void checkMethods(List<MethodSignature> methods) {
    Objects.requireNonNull(methods, "methods is null");
    if (methods.size() > MAX_METHODS) {
      throw ModelErrors.limit(
          "A model version has "
              + methods.size()
              + " methods; the limit is "
              + MAX_METHODS
              + " methods per version");
    }
    for (MethodSignature method : methods) {
      if (method.inputs().size() > MAX_ARGUMENTS) {
        throw ModelErrors.limit(
            "Method "
                + method.method()
                + " has "
                + method.inputs().size()
                + " arguments; the limit is "
                + MAX_ARGUMENTS
                + " arguments per method");
      }
    }
  }
}
