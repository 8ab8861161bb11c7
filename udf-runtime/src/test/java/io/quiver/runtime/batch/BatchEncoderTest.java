package io.quiver.runtime.batch;

import static io.quiver.runtime.SharedModels.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import io.quiver.runtime.InvalidArgumentException;
import io.quiver.runtime.signature.ArgumentLayout;
import io.quiver.runtime.signature.MethodSignature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchEncoderTest {
  private RootAllocator allocator;

  @BeforeEach
  void createAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void checkNoMemoryLeft() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  @Test
  void encodesColumnsRowMajorIntoArrowMemoryWithoutCopy() throws Exception {
    BatchEncoder encoder = encoder("skl_randomforest_iris", 4);
    List<Object[]> rows =
        List.<Object[]>of(
            new Object[] {1f, 2.0, 3, 4L},
            new Object[] {(short) 5, (byte) 6, new BigDecimal("7.5"), BigInteger.valueOf(8)});

    try (EncodedInputs inputs = encoder.encode(new RunRows(rows, 2, 1), allocator)) {
      OnnxTensor tensor = inputs.tensors().get("X");

      assertThat(tensor.getInfo().getShape()).containsExactly(2, 4);
      assertThat(tensor.ownsBuffer()).isFalse();
      assertThat(tensor.getBufferRef()).get().extracting(Buffer::isDirect).isEqualTo(true);
      assertThat(allocator.getAllocatedMemory()).isPositive();
      assertThat(floats(tensor)).containsExactly(1f, 2f, 3f, 4f, 5f, 6f, 7.5f, 8f);
    }
  }

  @Test
  void encodesOneArrayArgumentPerRow() throws Exception {
    BatchEncoder encoder = encoder("skl_randomforest_iris", 1);
    List<Object[]> rows =
        List.<Object[]>of(
            new Object[] {List.of(1.0, 2.0, 3.0, 4.0)},
            new Object[] {new Float[] {5f, 6f, 7f, 8f}});

    try (EncodedInputs inputs = encoder.encode(new RunRows(rows, 2, 1), allocator)) {
      assertThat(floats(inputs.tensors().get("X"))).containsExactly(1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f);
    }
  }

  @Test
  void nullInFloatInputBecomesNaN() throws Exception {
    BatchEncoder encoder = encoder("skl_randomforest_iris", 4);
    List<Object[]> rows = List.<Object[]>of(new Object[] {1.0, null, 3.0, 4.0});

    try (EncodedInputs inputs = encoder.encode(new RunRows(rows, 1, 1), allocator)) {
      assertThat(floats(inputs.tensors().get("X"))).containsExactly(1f, Float.NaN, 3f, 4f);
    }
  }

  @Test
  void nullArrayInFloatInputIsAllNaN() throws Exception {
    BatchEncoder encoder = encoder("skl_randomforest_iris", 1);
    List<Object[]> rows =
        List.<Object[]>of(new Object[] {List.of(1.0, 2.0, 3.0, 4.0)}, new Object[] {null});

    try (EncodedInputs inputs = encoder.encode(new RunRows(rows, 2, 1), allocator)) {
      assertThat(floats(inputs.tensors().get("X")))
          .containsExactly(1f, 2f, 3f, 4f, Float.NaN, Float.NaN, Float.NaN, Float.NaN);
    }
  }

  @Test
  void nullWithoutMissingValueNamesArgumentAndRow() throws Exception {
    BatchEncoder encoder = encoder("multitype_two_in_two_out_torch", 2);
    List<Object[]> rows = List.<Object[]>of(new Object[] {null, List.of(0.25, 0.5, 1.5, 3.0)});

    assertThatThrownBy(() -> encoder.encode(new RunRows(rows, 1, 17), allocator))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage(
            "Argument 1 (input 'InputA') of method PREDICT is NULL in row 17;"
                + " input type uint8 has no missing value");
  }

  @Test
  void nullStringNamesArgumentAndRow() throws Exception {
    BatchEncoder encoder = encoder("identity_string_tf2onnx", 1);
    List<Object[]> rows =
        List.<Object[]>of(
            new Object[] {List.of("a", "b")}, new Object[] {Arrays.asList("c", null)});

    assertThatThrownBy(() -> encoder.encode(new RunRows(rows, 2, 3), allocator))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage(
            "Element 2 of argument 1 (input 'input:0') of method PREDICT is NULL in row 4;"
                + " input type string has no missing value");
  }

  @Test
  void wrongTypeNamesArgumentExpectedAndActualType() throws Exception {
    BatchEncoder encoder = encoder("skl_randomforest_iris", 4);
    List<Object[]> rows =
        List.<Object[]>of(new Object[] {1.0, 2.0, 3.0, 4.0}, new Object[] {1.0, 2.0, "three", 4.0});

    assertThatThrownBy(() -> encoder.encode(new RunRows(rows, 2, 1), allocator))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage(
            "Argument 3 (input 'X', column 3) of method PREDICT has type VARCHAR in row 2;"
                + " input type float takes a number");
  }

  @Test
  void integerInputsTakeIntegersInRange() throws Exception {
    BatchEncoder encoder = encoder("multitype_two_in_two_out_torch", 2);
    List<Double> b = List.of(0.25, 0.5, 1.5, 3.0);

    for (Object inRange : List.of(200, 200L, (short) 200, new BigDecimal("200.00"))) {
      List<Object[]> rows = List.<Object[]>of(new Object[] {inRange, b});
      try (EncodedInputs inputs = encoder.encode(new RunRows(rows, 1, 1), allocator)) {
        assertThat(inputs.tensors().get("InputA").getByteBuffer().get(0)).isEqualTo((byte) 200);
      }
    }
    assertThatThrownBy(() -> encode(encoder, new Object[] {256, b}))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage(
            "Argument 1 (input 'InputA') of method PREDICT is 256 in row 1, outside the range of"
                + " input type uint8 (0 to 255)");
    assertThatThrownBy(() -> encode(encoder, new Object[] {new BigDecimal("2.5"), b}))
        .hasMessage(
            "Argument 1 (input 'InputA') of method PREDICT is 2.5 in row 1; input type uint8"
                + " takes whole numbers");
    assertThatThrownBy(() -> encode(encoder, new Object[] {2.0, b}))
        .hasMessage(
            "Argument 1 (input 'InputA') of method PREDICT has type DOUBLE in row 1; input type"
                + " uint8 takes an integer");
  }

  @Test
  void arrayOfWrongLengthNamesArgumentAndRow() throws Exception {
    BatchEncoder encoder = encoder("multitype_two_in_two_out_torch", 2);

    assertThatThrownBy(() -> encode(encoder, new Object[] {1, List.of(1.0, 2.0, 3.0)}))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage(
            "Argument 2 (input 'InputB') of method PREDICT has 3 elements in row 1;"
                + " input 'InputB' takes 4 values per row");
    assertThatThrownBy(() -> encode(encoder, new Object[] {1, 2.0}))
        .hasMessage(
            "Argument 2 (input 'InputB') of method PREDICT has type DOUBLE in row 1;"
                + " input 'InputB' takes an ARRAY(DOUBLE)");
  }

  @Test
  void rowWithWrongArgumentCountIsRefused() throws Exception {
    BatchEncoder encoder = encoder("skl_randomforest_iris", 4);

    assertThatThrownBy(() -> encode(encoder, new Object[] {1.0, 2.0}))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageStartingWith("Row 1 has 2 arguments; PREDICT(X column 1 REAL,")
        .hasMessageEndingWith(" takes 4");
  }

  @Test
  void copiesScannedColumnsWithNullsAsNaNFromTheRunOffset() throws Exception {
    BatchEncoder encoder = encoder("skl_randomforest_iris", 4);
    ArgumentColumns columns = scannedColumns();

    try (EncodedInputs inputs = encoder.encode(new RunRows(columns, 1, 2, 2, 2), allocator)) {
      assertThat(floats(inputs.tensors().get("X")))
          .containsExactly(Float.NaN, 20f, 30f, 40f, 150f, Float.NaN, 300f, 400f);
    }
    assertThat(columns.value(1, 0)).isNull();
    assertThat(columns.value(2, 1)).isNull();
    assertThat(columns.row(2)).containsExactly(150f, null, 300.0, 400L);
  }

  @Test
  void scannedColumnsPadTheLastRunLikeRows() throws Exception {
    BatchEncoder encoder = encoder("skl_randomforest_iris", 4);

    try (EncodedInputs inputs =
        encoder.encode(new RunRows(scannedColumns(), 2, 1, 2, 3), allocator)) {
      assertThat(floats(inputs.tensors().get("X")))
          .containsExactly(150f, Float.NaN, 300f, 400f, 150f, Float.NaN, 300f, 400f);
    }
  }

  /** Three rows of a REAL, a DOUBLE, a DOUBLE and a BIGINT column, with NULLs. */
  private static ArgumentColumns scannedColumns() {
    ArgumentColumns.Kind real = ArgumentColumns.Kind.FLOAT;
    ArgumentColumns.Kind doubles = ArgumentColumns.Kind.DOUBLE;
    ArgumentColumns columns =
        new ArgumentColumns(List.of(real, doubles, doubles, ArgumentColumns.Kind.OBJECT), 4);
    for (int row = 0; row < 3; row++) {
      int scale = (int) Math.pow(10, row);
      columns.setFloat(0, row, 1.5f * scale);
      columns.setDouble(1, row, 2.0 * scale);
      columns.setDouble(2, row, 3.0 * scale);
      columns.setObject(3, row, 4L * scale);
    }
    columns.setNull(0, 1);
    columns.setNull(1, 2);
    columns.setSize(3);
    return columns;
  }

  @Test
  void padsFixedSizeRunsByRepeatingTheLastRow() throws Exception {
    BatchEncoder encoder = encoder("identity_string_tf2onnx", 1);
    List<Object[]> rows = List.<Object[]>of(new Object[] {List.of("a", "b")});

    try (EncodedInputs inputs = encoder.encode(new RunRows(rows, 2, 1), allocator)) {
      OnnxTensor tensor = inputs.tensors().get("input:0");
      assertThat(tensor.getInfo().getShape()).containsExactly(2, 2);
      assertThat((String[][]) tensor.getValue()).isEqualTo(new String[][] {{"a", "b"}, {"a", "b"}});
    }
  }

  @Test
  void symbolicRowLengthIsTakenFromTheArrays() throws Exception {
    MethodSignature signature = signature("skl_treeclassifier_softmax");
    BatchEncoder encoder = new BatchEncoder(ArgumentLayout.forArgumentCount(signature, 1), "P");
    List<Object[]> rows =
        List.<Object[]>of(new Object[] {List.of(1, 2, 3)}, new Object[] {List.of(4, 5)});

    assertThatThrownBy(() -> encoder.encode(new RunRows(rows, 2, 1), allocator))
        .hasMessage(
            "Argument 1 (input 'input') of method P has 2 elements in row 2;"
                + " input 'input' takes 3 values per row");
  }

  private void encode(BatchEncoder encoder, Object[] row) throws Exception {
    List<Object[]> rows = List.<Object[]>of(row);
    encoder.encode(new RunRows(rows, 1, 1), allocator).close();
  }

  private static BatchEncoder encoder(String model, int argumentCount) throws Exception {
    ArgumentLayout layout = ArgumentLayout.forArgumentCount(signature(model), argumentCount);
    return new BatchEncoder(layout, "PREDICT");
  }

  private static float[] floats(OnnxTensor tensor) {
    FloatBuffer buffer = tensor.getFloatBuffer();
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return values;
  }
}
