package io.quiver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.tests.conformance.ExpectedOutput.ExpectedMaps;
import io.quiver.tests.conformance.ExpectedOutput.ExpectedTensor;
import io.quiver.tests.conformance.ExpectedOutput.UncheckedOutput;
import io.quiver.tests.conformance.MethodSignature.MethodOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test cases and dataset checks of a model's expected.json. Inputs and outputs are matched to
 * the model's by name; an output whose expected value is null is checked for its type only.
 */
final class ExpectedJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode root;

  private ExpectedJson(JsonNode root) {
    this.root = root;
  }

  static ExpectedJson read(Path folder) throws IOException {
    return new ExpectedJson(JSON.readTree(folder.resolve("expected.json").toFile()));
  }

  List<ConformanceCase> cases(MethodSignature signature) {
    List<ConformanceCase> cases = new ArrayList<>();
    for (JsonNode testCase : root.path("cases")) {
      String name = testCase.path("name").asText();
      double tolerance = testCase.path("atol").asDouble(ConformanceCase.DEFAULT_TOLERANCE);
      List<Tensor> inputs = new ArrayList<>();
      for (String input : signature.inputNames()) {
        inputs.add(tensor(entry(testCase.path("inputs"), input, name)));
      }
      List<ExpectedOutput> outputs = new ArrayList<>();
      for (MethodOutput output : signature.outputs()) {
        outputs.add(expected(output, entry(testCase.path("expected"), output.name(), name)));
      }
      cases.add(new ConformanceCase(name, tolerance, inputs, outputs));
    }
    return cases;
  }

  List<DatasetCheck> datasetChecks() {
    List<DatasetCheck> checks = new ArrayList<>();
    for (JsonNode check : root.path("dataset_checks")) {
      checks.add(
          new DatasetCheck(
              check.path("file").asText(),
              check.path("index_base").asInt(),
              check.path("n_features").asInt(),
              check.path("label_output").textValue(),
              check.path("score_output").textValue(),
              check.path("expected_accuracy").asDouble(),
              check.path("tolerance").asDouble(ConformanceCase.DEFAULT_TOLERANCE)));
    }
    return checks;
  }

  private static JsonNode entry(JsonNode entries, String name, String testCase) {
    assertThat(entries.has(name))
        .as("expected.json case " + testCase + " has an entry for '" + name + "'")
        .isTrue();
    return entries.path(name);
  }

  private static ExpectedOutput expected(MethodOutput output, JsonNode expected) {
    if (expected.isNull()) {
      return new UncheckedOutput(output);
    }
    if (expected.path("dtype").asText().startsWith("seq(map(")) {
      return new ExpectedMaps(output.keyType(), maps(expected.path("data")));
    }
    return new ExpectedTensor(tensor(expected));
  }

  private static Tensor tensor(JsonNode tensor) {
    TensorType type = TensorType.ofDtype(tensor.path("dtype").asText());
    List<Long> shape = new ArrayList<>();
    tensor.path("shape").forEach(dimension -> shape.add(dimension.asLong()));
    List<Object> values = new ArrayList<>();
    tensor.path("data").forEach(value -> values.add(type.valueOf(value)));
    return new Tensor(type, shape, values);
  }

  private static List<Map<String, Double>> maps(JsonNode rows) {
    List<Map<String, Double>> maps = new ArrayList<>();
    for (JsonNode row : rows) {
      Map<String, Double> map = new LinkedHashMap<>();
      row.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asDouble()));
      maps.add(map);
    }
    return maps;
  }
}
