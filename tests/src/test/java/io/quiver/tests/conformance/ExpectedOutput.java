package io.quiver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quiver.tests.conformance.MethodSignature.MethodOutput;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What one output of a model must return for each row of a test case. */
sealed interface ExpectedOutput {
  /**
   * Checks the value a row got for this output, as JDBC returned it.
   *
   * @param description names the model, case, row and output in assertion messages
   * @param row the 0-based row of the case
   * @param tolerance the largest absolute difference allowed between floating-point values
   */
  void check(String description, int row, Object actual, double tolerance);

  /**
   * A tensor output: a scalar of the type's Java class when a row holds one value, else a list of
   * them. Floating-point values must be within the tolerance, all others equal.
   */
  record ExpectedTensor(Tensor tensor) implements ExpectedOutput {
    @Override
    public void check(String description, int row, Object actual, double tolerance) {
      List<Object> expected = tensor.row(row);
      List<?> values =
          expected.size() == 1 ? Collections.singletonList(actual) : listOf(description, actual);

      assertThat(values).as(description).hasSameSizeAs(expected);
      for (int index = 0; index < expected.size(); index++) {
        String where = description + (expected.size() == 1 ? "" : " value " + index);
        checkValue(where, values.get(index), expected.get(index), tolerance);
      }
    }

    private void checkValue(String description, Object actual, Object expected, double tolerance) {
      assertThat(actual).as(description).isInstanceOf(tensor.type().javaClass());
      if (tensor.type().isFloatingPoint()) {
        assertThat(((Number) actual).doubleValue())
            .as(description)
            .isCloseTo(((Number) expected).doubleValue(), within(tolerance));
      } else {
        assertThat(actual).as(description).isEqualTo(expected);
      }
    }
  }

  /**
   * A ZipMap output: one map per row from class label to DOUBLE. Entries are compared by label,
   * whatever their order; labels are written as strings in expected.json.
   */
  record ExpectedMaps(TensorType keyType, List<Map<String, Double>> rows)
      implements ExpectedOutput {
    @Override
    public void check(String description, int row, Object actual, double tolerance) {
      Map<String, Double> expected = rows.get(row);
      assertThat(actual).as(description).isInstanceOf(Map.class);
      Map<?, ?> map = (Map<?, ?>) actual;

      checkLabels(description, map, expected.keySet());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String label = String.valueOf(entry.getKey());
        assertThat(entry.getValue()).as(description + " label " + label).isInstanceOf(Double.class);
        assertThat((Double) entry.getValue())
            .as(description + " label " + label)
            .isCloseTo(expected.get(label), within(tolerance));
      }
    }

    private void checkLabels(String description, Map<?, ?> map, Set<String> expected) {
      assertThat(map.keySet())
          .as(description + " labels")
          .allMatch(keyType.javaClass()::isInstance);
      Set<String> labels = map.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
      assertThat(labels).as(description + " labels").isEqualTo(expected);
    }
  }

  /**
   * An output whose values the test data does not give: it must still return a value of its type, a
   * map for a ZipMap output.
   */
  record UncheckedOutput(MethodOutput output) implements ExpectedOutput {
    @Override
    public void check(String description, int row, Object actual, double tolerance) {
      assertThat(actual).as(description).isNotNull();
      if (output.isMap()) {
        assertThat(actual).as(description).isInstanceOf(Map.class);
      } else if (actual instanceof List<?> values) {
        assertThat(values).as(description).allMatch(output.type().javaClass()::isInstance);
      } else {
        assertThat(actual).as(description).isInstanceOf(output.type().javaClass());
      }
    }
  }

  private static List<?> listOf(String description, Object actual) {
    assertThat(actual).as(description).isInstanceOf(List.class);
    return (List<?>) actual;
  }
}
