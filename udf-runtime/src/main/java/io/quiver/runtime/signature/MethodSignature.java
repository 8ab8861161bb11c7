package io.quiver.runtime.signature;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The signature of a model method: its ordered inputs and outputs.
 *
 * <p>The catalog stores it as JSON, for example:
 *
 * <pre>{@code
 * {"method":"PREDICT",
 *  "inputs":[{"name":"X","type":"float","shape":[-1,4]}],
 *  "outputs":[{"name":"output_label","kind":"TENSOR","type":"int64","shape":[-1]},
 *             {"name":"output_probability","kind":"ZIPMAP","shape":[-1],
 *              "keyType":"int64","valueType":"float"}]}
 * }</pre>
 *
 * @param method the method name, {@link #PREDICT} for an ONNX model
 * @param inputs the inputs in the order of the model's graph
 * @param outputs the outputs in the order of the model's graph
 */
@JsonPropertyOrder({"method", "inputs", "outputs"})
public record MethodSignature(String method, List<MethodInput> inputs, List<MethodOutput> outputs) {
  /** The method every ONNX model has: one run of its graph. */
  public static final String PREDICT = "PREDICT";

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public MethodSignature {
    requireNonNull(method, "method is null");
    inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
    outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("Method " + method + " has no inputs");
    }
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("Method " + method + " has no outputs");
    }
    checkUniqueNames(method, inputs.stream().map(MethodInput::name).toList(), "input");
    checkUniqueNames(method, outputs.stream().map(MethodOutput::name).toList(), "output");
  }

  /** The position of the output with this name, for picking a value out of a result row. */
  public int outputIndex(String outputName) {
    for (int index = 0; index < outputs.size(); index++) {
      if (outputs.get(index).name().equals(outputName)) {
        return index;
      }
    }
    List<String> names = outputs.stream().map(MethodOutput::name).toList();
    throw new IllegalArgumentException(
        "Method " + method + " has no output '" + outputName + "'; its outputs are " + names);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the signature of method " + method, e);
    }
  }

  /** Reads a signature written by {@link #toJson()}. */
  public static MethodSignature fromJson(String json) {
    requireNonNull(json, "json is null");
    try {
      return JSON.readValue(json, MethodSignature.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Not a valid method signature: " + e.getOriginalMessage(), e);
    }
  }

  private static void checkUniqueNames(String method, List<String> names, String what) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            "Method " + method + " has two " + what + "s named '" + name + "'");
      }
    }
  }
}
