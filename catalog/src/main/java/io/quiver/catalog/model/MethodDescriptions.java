package io.quiver.catalog.model;

import io.quiver.runtime.signature.MethodInput;
import io.quiver.runtime.signature.MethodSignature;
import java.util.stream.Collectors;

/** How SHOW FUNCTIONS and DESCRIBE MODEL describe a method. */
final class MethodDescriptions {
  /** A scalar method returns an object keyed by output name. */
  static final String RETURN_TYPE = "OBJECT";

  static final String FUNCTION_TYPE = "FUNCTION";
  static final String LANGUAGE = "ONNX";

  private MethodDescriptions() {}

  /** The call with one argument per input: {@code PREDICT(X ARRAY(REAL)) RETURN OBJECT}. */
  static String arguments(MethodSignature method) {
    String inputs =
        method.inputs().stream()
            .map(input -> input.name() + " " + input.sqlTypeName())
            .collect(Collectors.joining(", "));
    return method.method() + "(" + inputs + ") RETURN " + RETURN_TYPE;
  }

  /** The fewest arguments a call takes: one per input, an array for an input of several values. */
  static int minimumArguments(MethodSignature method) {
    return method.inputs().size();
  }

  /**
   * The most arguments a call takes: a single input of K values per row also takes K scalar
   * arguments. A single input of symbolic width takes any number of them; the registry's argument
   * limit is shown for it.
   */
  static int maximumArguments(MethodSignature method) {
    if (method.inputs().size() != 1) {
      return method.inputs().size();
    }
    MethodInput input = method.inputs().get(0);
    int valuesPerRow = input.valuesPerRow();
    return valuesPerRow < 0 ? ModelLimits.MAX_ARGUMENTS : Math.max(valuesPerRow, 1);
  }

  /** The inputs as a JSON array of {name, type, shape}. */
  static String inputs(MethodSignature method) {
    return Json.read(method.toJson()).get("inputs").toString();
  }

  /** The outputs as a JSON array of {name, kind, type, shape, ...}. */
  static String outputs(MethodSignature method) {
    return Json.read(method.toJson()).get("outputs").toString();
  }
}
