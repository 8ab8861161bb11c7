package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The name under which a schema publishes a model's method as a function: {@code MODEL!METHOD} for
 * the default version, {@code MODEL!METHOD!VERSION} for a version or alias. Model, version and
 * alias names cannot contain {@code !}, so the name always splits back into its parts.
 *
 * @param model the model's simple name
 * @param method the method's name
 * @param version a version or alias name; null for the default version
 */
public record ModelFunctionName(String model, String method, @Nullable String version) {
  /** The character that separates the parts, and so cannot appear in them. */
  public static final char SEPARATOR = '!';

  public ModelFunctionName {
    requireNonNull(model, "model is null");
    requireNonNull(method, "method is null");
  }

  /** The function name, as a schema lists it. */
  public String encode() {
    String name = model + SEPARATOR + method;
    return version == null ? name : name + SEPARATOR + version;
  }

  /** The parts of a function name; empty when the name is not a model method's. */
  public static Optional<ModelFunctionName> decode(String functionName) {
    String[] parts = functionName.split(String.valueOf(SEPARATOR), -1);
    if (parts.length < 2 || parts.length > 3) {
      return Optional.empty();
    }
    for (String part : parts) {
      if (part.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        new ModelFunctionName(parts[0], parts[1], parts.length == 3 ? parts[2] : null));
  }

  /** How a user writes the call's target: {@code M!PREDICT} or {@code MODEL(M, V1)!PREDICT}. */
  public String display() {
    return version == null
        ? model + SEPARATOR + method
        : "MODEL(" + model + ", " + version + ")" + SEPARATOR + method;
  }
}
