package io.quiver.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.runtime.pipeline.CloseableIterator;
import io.quiver.runtime.session.ModelSessionCache;
import io.quiver.runtime.session.SessionSettings;
import io.quiver.runtime.signature.ElementType;
import io.quiver.runtime.signature.MethodInput;
import io.quiver.runtime.signature.MethodOutput;
import io.quiver.runtime.signature.MethodSignature;
import io.quiver.runtime.signature.OnnxModelInspector;
import io.quiver.runtime.signature.OutputKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every model of shared/models that has an expected.json through {@link ModelInvoker} and
 * compares its outputs with the expected ones. The rows of all cases of a model go through one
 * call, in batches of 4 with 2 batches in parallel.
 */
class ConformanceTest {
  /**
   * Models that cannot run on a host for a reason outside Quiver, with that reason. When the host
   * has what they need, they must pass like the others.
   */
  private static final Map<String, String> KNOWN_FAILURES =
      Map.of("string_normalizer_two_outputs", "Failed to construct locale with name:en_US.UTF-8");

  /** Models whose expected.json has no expected values; only the output types are checked. */
  private static final Set<String> UNCHECKED_VALUES = Set.of("legacy_logreg_iris_onnxmltools");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyModelGivesItsExpectedOutputs() throws IOException {
    return modelFolders().stream()
        .map(folder -> DynamicTest.dynamicTest(name(folder), () -> check(folder)));
  }

  @Test
  void knownFailuresAndUncheckedModelsExist() throws IOException {
    List<String> names = modelFolders().stream().map(ConformanceTest::name).toList();

    assertThat(names).containsAll(KNOWN_FAILURES.keySet()).containsAll(UNCHECKED_VALUES);
    assertThat(names).hasSizeGreaterThanOrEqualTo(20);
  }

  private static void check(Path folder) throws Exception {
    byte[] model = SharedModels.read(folder.resolve("model.onnx"));
    JsonNode expected = JSON.readTree(folder.resolve("expected.json").toFile());
    String knownFailure = KNOWN_FAILURES.get(name(folder));
    if (knownFailure == null) {
      checkCasesAndDatasets(folder, model, expected);
      return;
    }

    try {
      checkCasesAndDatasets(folder, model, expected);
    } catch (InvalidModelException | ModelInvocationException e) {
      assertThat(e).hasMessageContaining(knownFailure);
    }
  }

  private static void checkCasesAndDatasets(Path folder, byte[] model, JsonNode expected)
      throws Exception {
    MethodSignature signature = OnnxModelInspector.inspect(model);
    List<Object[]> rows = new ArrayList<>();
    List<JsonNode> caseOfRow = new ArrayList<>();
    List<Integer> indexInCase = new ArrayList<>();
    for (JsonNode testCase : expected.path("cases")) {
      List<Object[]> caseRows = argumentRows(signature, testCase.path("inputs"));
      for (int row = 0; row < caseRows.size(); row++) {
        rows.add(caseRows.get(row));
        caseOfRow.add(testCase);
        indexInCase.add(row);
      }
    }

    List<Object[]> results = invoke(folder, model, signature, rows);
    for (int row = 0; row < rows.size(); row++) {
      JsonNode testCase = caseOfRow.get(row);
      checkRow(folder, signature, testCase, indexInCase.get(row), results.get(row));
    }
    for (JsonNode dataset : expected.path("dataset_checks")) {
      checkDataset(folder, model, signature, dataset);
    }
  }

  private static List<Object[]> invoke(
      Path folder, byte[] model, MethodSignature signature, List<Object[]> rows)
      throws InvalidModelException {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Object[]> results = new ArrayList<>();
    try (RootAllocator allocator = new RootAllocator();
        ModelSessionCache sessions = new ModelSessionCache(SessionSettings.defaults())) {
      try (ModelInvoker invoker =
              ModelInvoker.builder("conformance/" + name(folder), () -> model, signature)
                  .argumentCount(rows.get(0).length)
                  .batchSize(4)
                  .parallelism(2)
                  .allocator(allocator)
                  .sessions(sessions)
                  .open();
          CloseableIterator<Object[]> call = invoker.invoke(rows.iterator())) {
        call.forEachRemaining(results::add);
      }
      assertThat(allocator.getAllocatedMemory()).isZero();
    }
    assertThat(results).hasSameSizeAs(rows);
    return results;
  }

  /**
   * One argument row per row of the case: each column of a single input is its own argument when it
   * has at most 64 columns, otherwise (and for each of several inputs) the row of an input is one
   * array argument, or one scalar when it holds a single value.
   */
  private static List<Object[]> argumentRows(MethodSignature signature, JsonNode inputs) {
    int rowCount = inputs.elements().next().path("shape").get(0).asInt();
    List<List<Object>> columns = new ArrayList<>();
    for (int row = 0; row < rowCount; row++) {
      columns.add(new ArrayList<>());
    }

    boolean single = signature.inputs().size() == 1;
    for (MethodInput input : signature.inputs()) {
      JsonNode data = inputs.path(input.name()).path("data");
      int valuesPerRow = data.size() / rowCount;
      for (int row = 0; row < rowCount; row++) {
        List<Object> values = new ArrayList<>();
        for (int column = 0; column < valuesPerRow; column++) {
          values.add(javaValue(input.type(), data.get(row * valuesPerRow + column)));
        }
        if (valuesPerRow == 1 || (single && valuesPerRow <= 64)) {
          columns.get(row).addAll(values);
        } else {
          columns.get(row).add(values);
        }
      }
    }
    return columns.stream().map(List::toArray).toList();
  }

  private static Object javaValue(ElementType type, JsonNode value) {
    return switch (type) {
      case FLOAT, DOUBLE -> value.asDouble();
      case STRING -> value.asText();
      case BOOL -> value.asBoolean();
      default -> value.asLong();
    };
  }

  private static void checkRow(
      Path folder, MethodSignature signature, JsonNode testCase, int row, Object[] result) {
    double tolerance = testCase.path("atol").asDouble(1e-6);
    for (int index = 0; index < signature.outputs().size(); index++) {
      MethodOutput output = signature.outputs().get(index);
      Object actual = result[index];
      String where = name(folder) + " case " + testCase.path("name").asText() + " row " + row;
      assertThat(actual).as(where + " output " + output.name()).isNotNull();
      JsonNode expected = testCase.path("expected").path(output.name());
      if (UNCHECKED_VALUES.contains(name(folder)) || expected.isNull()) {
        checkType(output, actual);
        continue;
      }

      String description = where + " output " + output.name();
      if (output.kind() == OutputKind.ZIPMAP) {
        checkMap(description, expected.path("data").get(row), actual, tolerance);
      } else {
        checkTensorRow(description, output, expected, row, actual, tolerance);
      }
    }
  }

  private static void checkType(MethodOutput output, Object actual) {
    if (output.kind() == OutputKind.ZIPMAP) {
      assertThat(actual).isInstanceOf(Map.class);
    } else if (output.returnsScalar()) {
      assertThat(actual).isInstanceOf(output.type().javaClass());
    } else {
      assertThat(actual).isInstanceOf(List.class);
    }
  }

  private static void checkMap(String description, JsonNode expected, Object actual, double atol) {
    assertThat(actual).as(description).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) actual;
    Set<String> expectedLabels = new TreeSet<>();
    expected.fieldNames().forEachRemaining(expectedLabels::add);
    assertThat(map.keySet().stream().map(String::valueOf).toList())
        .as(description + " labels, in natural order")
        .containsExactlyElementsOf(sortedLabels(map.keySet()))
        .containsExactlyInAnyOrderElementsOf(expectedLabels);
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      double expectedScore = expected.path(String.valueOf(entry.getKey())).asDouble();
      assertThat((Double) entry.getValue())
          .as(description + " label " + entry.getKey())
          .isCloseTo(expectedScore, within(atol));
    }
  }

  private static List<String> sortedLabels(Set<?> labels) {
    return labels.stream()
        .map(label -> (Comparable<Object>) label)
        .sorted()
        .map(String::valueOf)
        .toList();
  }

  private static void checkTensorRow(
      String description,
      MethodOutput output,
      JsonNode expected,
      int row,
      Object actual,
      double atol) {
    JsonNode data = expected.path("data");
    int rows = expected.path("shape").get(0).asInt();
    int valuesPerRow = data.size() / rows;
    List<?> values;
    if (output.returnsScalar()) {
      assertThat(actual).as(description).isInstanceOf(output.type().javaClass());
      values = List.of(actual);
    } else {
      assertThat(actual).as(description).isInstanceOf(List.class);
      values = (List<?>) actual;
    }

    assertThat(values).as(description).hasSize(valuesPerRow);
    for (int column = 0; column < valuesPerRow; column++) {
      JsonNode want = data.get(row * valuesPerRow + column);
      Object got = values.get(column);
      String at = description + " value " + column;
      if (want.isTextual()) {
        assertThat(got).as(at).isEqualTo(want.asText());
      } else if (want.isBoolean()) {
        assertThat(got).as(at).isEqualTo(want.asBoolean());
      } else {
        assertThat(((Number) got).doubleValue()).as(at).isCloseTo(want.asDouble(), within(atol));
      }
    }
  }

  /** Runs a libsvm file through the model and checks the accuracy of its labels. */
  private static void checkDataset(
      Path folder, byte[] model, MethodSignature signature, JsonNode dataset) throws Exception {
    List<String> lines = Files.readAllLines(folder.resolve(dataset.path("file").asText()));
    int features = dataset.path("n_features").asInt();
    int base = dataset.path("index_base").asInt();
    List<Object[]> rows = new ArrayList<>();
    List<Long> labels = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      labels.add((long) Double.parseDouble(fields[0]));
      Float[] values = new Float[features];
      Arrays.fill(values, 0f);
      for (String field : Arrays.copyOfRange(fields, 1, fields.length)) {
        String[] pair = field.split(":");
        values[Integer.parseInt(pair[0]) - base] = Float.parseFloat(pair[1]);
      }
      rows.add(new Object[] {Arrays.asList(values)});
    }

    List<Object[]> results = invoke(folder, model, signature, rows);
    int correct = 0;
    for (int row = 0; row < rows.size(); row++) {
      if (predictedLabel(signature, dataset, results.get(row)) == labels.get(row)) {
        correct++;
      }
    }
    double accuracy = (double) correct / rows.size();
    assertThat(accuracy)
        .as(name(folder) + " accuracy on " + dataset.path("file").asText())
        .isCloseTo(dataset.path("expected_accuracy").asDouble(), within(1e-6));
  }

  private static long predictedLabel(MethodSignature signature, JsonNode dataset, Object[] row) {
    if (dataset.has("label_output")) {
      return (Long) row[signature.outputIndex(dataset.path("label_output").asText())];
    }
    List<?> scores = (List<?>) row[signature.outputIndex(dataset.path("score_output").asText())];
    int best = 0;
    for (int index = 1; index < scores.size(); index++) {
      if (((Number) scores.get(index)).doubleValue() > ((Number) scores.get(best)).doubleValue()) {
        best = index;
      }
    }
    return best;
  }

  @Test
  void knownFailureFailsWithItsReasonWhenTheLocaleIsMissing() throws Exception {
    Path folder = SharedModels.modelsDirectory().resolve("string_normalizer_two_outputs");
    byte[] model = SharedModels.read(folder.resolve("model.onnx"));
    if (hostHasEnglishUtf8Locale()) {
      assertThat(OnnxModelInspector.inspect(model).inputs()).hasSize(1);
      return;
    }

    assertThatThrownBy(() -> OnnxModelInspector.inspect(model))
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining(KNOWN_FAILURES.get("string_normalizer_two_outputs"));
  }

  /** Whether the C library has en_US.UTF-8, as {@code locale -a} lists it. */
  private static boolean hostHasEnglishUtf8Locale() throws IOException, InterruptedException {
    Process locales = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
    String listed = new String(locales.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    locales.waitFor();
    return listed
        .lines()
        .map(String::trim)
        .anyMatch(locale -> locale.equalsIgnoreCase("en_US.utf8") || locale.equals("en_US.UTF-8"));
  }

  private static List<Path> modelFolders() throws IOException {
    try (Stream<Path> folders = Files.list(SharedModels.modelsDirectory())) {
      return folders
          .filter(folder -> Files.isRegularFile(folder.resolve("expected.json")))
          .sorted()
          .toList();
    }
  }

  private static String name(Path folder) {
    return folder.getFileName().toString();
  }
}
