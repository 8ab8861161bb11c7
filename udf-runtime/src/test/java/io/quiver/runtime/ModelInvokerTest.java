package io.quiver.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quiver.runtime.pipeline.CloseableIterator;
import io.quiver.runtime.session.ModelSessionCache;
import io.quiver.runtime.session.SessionSettings;
import io.quiver.runtime.signature.MethodSignature;
import io.quiver.runtime.signature.OnnxModelInspector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ModelInvokerTest {
  private static final Object[][] IRIS_ROWS = {
    {5.8, 2.8, 5.1, 2.4},
    {5.1, 3.5, 1.4, 0.2},
    {7.0, 3.2, 4.7, 1.4},
    {6.3, 3.3, 6.0, 2.5},
    {5.9, 3.0, 5.1, 1.8},
    {4.9, 3.0, 1.4, 0.2},
    {6.4, 3.2, 4.5, 1.5}
  };

  private RootAllocator allocator;
  private ModelSessionCache sessions;

  @BeforeEach
  void setUp() {
    allocator = new RootAllocator();
    sessions = new ModelSessionCache(SessionSettings.defaults());
  }

  @AfterEach
  void checkNoMemoryLeft() {
    sessions.close();
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  @Test
  void runsFixedBatchOfOneModelRowByRowInsideBatches() throws Exception {
    try (ModelInvoker invoker = open("skl_randomforest_iris_fixed1", 4, 3, 2)) {
      List<Object[]> results = invokeAll(invoker, Arrays.asList(IRIS_ROWS));

      assertThat(results).hasSize(IRIS_ROWS.length);
      for (int row = 0; row < IRIS_ROWS.length; row++) {
        assertThat(results.get(row)).isEqualTo(invoker.invokeOne(IRIS_ROWS[row]));
      }
      assertThat(results.get(0)[0]).isEqualTo(2L);
      assertThat(results.get(0)[1]).isInstanceOf(LinkedHashMap.class);
      Map<?, ?> probabilities = (Map<?, ?>) results.get(0)[1];
      assertThat(List.copyOf(probabilities.keySet())).isEqualTo(List.of(0L, 1L, 2L));
      assertThat((Double) probabilities.get(2L)).isCloseTo(1.0, within(1e-5));
    }
  }

  @Test
  void padsTheLastRunOfAFixedBatchOfTwo() throws Exception {
    List<Object[]> rows =
        List.of(
            new Object[] {List.of("one", "two")},
            new Object[] {List.of("three", "four")},
            new Object[] {List.of("five", "six")});

    try (ModelInvoker invoker = open("identity_string_tf2onnx", 1, 8, 1)) {
      List<Object[]> results = invokeAll(invoker, rows);

      assertThat(results)
          .extracting(row -> row[0])
          .containsExactly(List.of("one", "two"), List.of("three", "four"), List.of("five", "six"));
    }
  }

  @Test
  void castsIntegersAndDecimalsIntoFloatInputs() throws Exception {
    try (ModelInvoker invoker = open("skl_randomforest_iris", 4, 16, 1)) {
      Object[] floats = invoker.invokeOne(new Object[] {6f, 3f, 5f, 2f});
      Object[] integers = invoker.invokeOne(new Object[] {6, 3L, (short) 5, (byte) 2});
      Object[] decimals =
          invoker.invokeOne(new Object[] {new BigDecimal("6.0"), 3.0, new BigDecimal("5"), 2.0});

      assertThat(integers).isEqualTo(floats);
      assertThat(decimals).isEqualTo(floats);
    }
  }

  @Test
  void nullInFloatInputReachesTheModelAsMissingValue() throws Exception {
    Object[] withNull = {
      14.23, 1.71, null, 15.6, 127, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065
    };
    Object[] withNaN = withNull.clone();
    withNaN[2] = Double.NaN;

    try (ModelInvoker invoker = open("xgb_regressor_wine", 13, 16, 1)) {
      Object[] result = invoker.invokeOne(withNull);

      assertThat(result[0]).isInstanceOf(Float.class);
      assertThat((Float) result[0]).isNotNaN();
      assertThat(result).isEqualTo(invoker.invokeOne(withNaN));
    }
  }

  @Test
  void errorNamesArgumentAndRowOfTheWholeCall() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    for (int row = 1; row <= 10; row++) {
      rows.add(new Object[] {row == 7 ? null : 200, List.of(0.25, 0.5, 1.5, 3.0)});
    }

    try (ModelInvoker invoker = open("multitype_two_in_two_out_torch", 2, 3, 2);
        CloseableIterator<Object[]> call = invoker.invoke(rows.iterator())) {
      for (int row = 1; row <= 6; row++) {
        Object[] result = call.next();
        assertThat(result[0])
            .isEqualTo(List.of((short) -462, (short) -412, (short) -212, (short) 88));
        assertThat(result[1]).isEqualTo(246_800L);
      }
      assertThatThrownBy(call::next)
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessage(
              "Argument 1 (input 'InputA') of method MULTITYPE!PREDICT is NULL in row 7;"
                  + " input type uint8 has no missing value");
    }
  }

  @Test
  void benchmarkModelsGiveSampleOutputsInInputOrder() throws Exception {
    JsonNode bench =
        new ObjectMapper().readTree(SharedModels.benchDirectory().resolve("bench.json").toFile());
    for (String model : List.of("gbdt_f20", "mlp_f20")) {
      JsonNode samples = bench.path(model).path("sample_inputs");
      JsonNode expected = bench.path(model).path("sample_expected");
      double tolerance = bench.path(model).path("atol").asDouble();
      List<Object[]> rows = new ArrayList<>();
      for (int row = 0; row < 5_000; row++) {
        rows.add(sampleRow(samples.get((row * 7) % samples.size())));
      }

      try (ModelInvoker invoker = openBench(model, 64, 2)) {
        List<Object[]> results = invokeAll(invoker, rows);

        assertThat(results).hasSize(rows.size());
        for (int row = 0; row < rows.size(); row++) {
          double want = expected.get((row * 7) % samples.size()).asDouble();
          assertThat((Float) results.get(row)[0])
              .as(model + " row " + row)
              .isCloseTo((float) want, within((float) tolerance));
        }
      }
    }
  }

  @Test
  void closingACallMidStreamFreesItsMemory() throws Exception {
    JsonNode bench =
        new ObjectMapper().readTree(SharedModels.benchDirectory().resolve("bench.json").toFile());
    Object[] sample = sampleRow(bench.path("mlp_f20").path("sample_inputs").get(0));
    Iterator<Object[]> endless =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public Object[] next() {
            return sample;
          }
        };

    try (ModelInvoker invoker = openBench("mlp_f20", 256, 2)) {
      CloseableIterator<Object[]> call = invoker.invoke(endless);
      for (int row = 0; row < 1_000; row++) {
        call.next();
      }
      call.close();
      call.close();
    }
  }

  @Test
  void releasingTheVersionDoesNotStopARunningCall() throws Exception {
    List<Object[]> rows =
        IntStream.range(0, 2_000).mapToObj(row -> IRIS_ROWS[row % IRIS_ROWS.length]).toList();

    try (ModelInvoker invoker = open("skl_randomforest_iris", 4, 50, 2);
        CloseableIterator<Object[]> call = invoker.invoke(rows.iterator())) {
      call.next();
      sessions.release("skl_randomforest_iris");
      int count = 1;
      while (call.hasNext()) {
        call.next();
        count++;
      }
      assertThat(count).isEqualTo(2_000);
    }
  }

  @Test
  void closingTheInvokerClosesItsOpenCalls() throws Exception {
    List<Object[]> rows =
        IntStream.range(0, 1_000).mapToObj(row -> IRIS_ROWS[row % IRIS_ROWS.length]).toList();
    ModelInvoker invoker = open("skl_randomforest_iris", 4, 10, 2);
    CloseableIterator<Object[]> call = invoker.invoke(rows.iterator());
    call.next();

    invoker.close();

    assertThatThrownBy(call::hasNext).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> invoker.invoke(rows.iterator()))
        .hasMessage("The invoker of PREDICT is closed");
  }

  @Test
  void refusesWrongArgumentCountWhenOpening() {
    MethodSignature signature = signatureOf("skl_randomforest_iris");

    assertThatThrownBy(
            () ->
                ModelInvoker.builder("v", () -> new byte[0], signature)
                    .argumentCount(5)
                    .sessions(sessions)
                    .open())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("5 were given");
  }

  private ModelInvoker open(String model, int argumentCount, int batchSize, int parallelism)
      throws InvalidModelException {
    byte[] bytes = SharedModels.modelBytes(model);
    return ModelInvoker.builder(model, () -> bytes, signatureOf(model))
        .displayName(model.startsWith("multitype") ? "MULTITYPE!PREDICT" : "PREDICT")
        .argumentCount(argumentCount)
        .batchSize(batchSize)
        .parallelism(parallelism)
        .sessions(sessions)
        .allocator(allocator)
        .open();
  }

  private ModelInvoker openBench(String model, int batchSize, int parallelism)
      throws InvalidModelException {
    byte[] bytes = SharedModels.read(SharedModels.benchDirectory().resolve(model + ".onnx"));
    MethodSignature signature = OnnxModelInspector.inspect(bytes);
    return ModelInvoker.builder("bench/" + model, () -> bytes, signature)
        .argumentCount(20)
        .batchSize(batchSize)
        .parallelism(parallelism)
        .sessions(sessions)
        .allocator(allocator)
        .open();
  }

  private static MethodSignature signatureOf(String model) {
    try {
      return SharedModels.signature(model);
    } catch (InvalidModelException e) {
      throw new AssertionError(e);
    }
  }

  private static Object[] sampleRow(JsonNode sample) {
    Object[] row = new Object[sample.size()];
    for (int column = 0; column < row.length; column++) {
      row[column] = sample.get(column).asDouble();
    }
    return row;
  }

  private static List<Object[]> invokeAll(ModelInvoker invoker, List<Object[]> rows) {
    List<Object[]> results = new ArrayList<>();
    try (CloseableIterator<Object[]> call = invoker.invoke(rows.iterator())) {
      call.forEachRemaining(results::add);
    }
    return results;
  }
}
