package io.quiver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs and outputs of a model's PREDICT method, as DESCRIBE MODEL shows them, in the order of
 * the model's graph: the order of the arguments and of the fields of the returned ROW.
 */
record MethodSignature(List<String> inputNames, List<MethodOutput> outputs) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An output: its name and its element type, or the key type of a ZipMap output. */
  record MethodOutput(String name, TensorType type, TensorType keyType) {
    boolean isMap() {
      return keyType != null;
    }
  }

  MethodSignature {
    inputNames = List.copyOf(inputNames);
    outputs = List.copyOf(outputs);
  }

  /** The PREDICT method of the default version of a model. */
  static MethodSignature describe(Statement statement, String model)
      throws SQLException, IOException {
    try (ResultSet methods = statement.executeQuery("DESCRIBE MODEL " + model)) {
      while (methods.next()) {
        if (methods.getBoolean("is_default_version")
            && methods.getString("method_name").equals("PREDICT")) {
          return new MethodSignature(
              inputNames(JSON.readTree(methods.getString("inputs"))),
              outputs(JSON.readTree(methods.getString("outputs"))));
        }
      }
    }
    throw new AssertionError("DESCRIBE MODEL " + model + " shows no PREDICT method");
  }

  List<String> outputNames() {
    return outputs.stream().map(MethodOutput::name).toList();
  }

  private static List<String> inputNames(JsonNode described) {
    List<String> names = new ArrayList<>();
    described.forEach(input -> names.add(input.path("name").asText()));
    assertThat(names).as("inputs of the PREDICT method").isNotEmpty();
    return names;
  }

  private static List<MethodOutput> outputs(JsonNode described) {
    List<MethodOutput> outputs = new ArrayList<>();
    for (JsonNode output : described) {
      String name = output.path("name").asText();
      if (output.path("kind").asText().equals("ZIPMAP")) {
        TensorType keyType = TensorType.ofOnnxName(output.path("keyType").asText());
        outputs.add(new MethodOutput(name, null, keyType));
      } else {
        TensorType type = TensorType.ofOnnxName(output.path("type").asText());
        outputs.add(new MethodOutput(name, type, null));
      }
    }
    return outputs;
  }
}
