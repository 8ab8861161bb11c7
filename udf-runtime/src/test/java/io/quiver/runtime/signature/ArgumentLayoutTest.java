package io.quiver.runtime.signature;

import static io.quiver.runtime.SharedModels.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.runtime.InvalidArgumentException;
import io.quiver.runtime.ModelInvocationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentLayoutTest {
  @Test
  void singleInputTakesOneScalarPerColumn() throws Exception {
    ArgumentLayout layout = ArgumentLayout.forArgumentCount(signature("skl_randomforest_iris"), 4);

    assertThat(layout.arguments())
        .containsExactly(
            new ExpectedArgument(1, "X", 1, ElementType.FLOAT, 0),
            new ExpectedArgument(2, "X", 2, ElementType.FLOAT, 0),
            new ExpectedArgument(3, "X", 3, ElementType.FLOAT, 0),
            new ExpectedArgument(4, "X", 4, ElementType.FLOAT, 0));
    assertThat(layout.arguments().get(2).describe()).isEqualTo("Argument 3 (input 'X', column 3)");
    assertThat(layout.rowsPerRun()).isEqualTo(-1);
  }

  @Test
  void singleInputTakesOneArrayOfItsRowLength() throws Exception {
    ArgumentLayout layout = ArgumentLayout.forArgumentCount(signature("skl_randomforest_iris"), 1);

    assertThat(layout.arguments())
        .containsExactly(new ExpectedArgument(1, "X", 0, ElementType.FLOAT, 4));
    assertThat(layout.arguments().get(0).sqlTypeName()).isEqualTo("ARRAY(REAL)");
    assertThat(layout.describe()).isEqualTo("PREDICT(X ARRAY(REAL) of 4)");
  }

  @Test
  void listsAcceptedLayoutsInWrongCountError() throws Exception {
    MethodSignature signature = signature("skl_randomforest_iris");

    assertThat(ArgumentLayout.accepted(signature)).hasSize(2);
    assertThatThrownBy(() -> ArgumentLayout.forArgumentCount(signature, 3))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage(
            "Method PREDICT takes 4 (PREDICT(X column 1 REAL, X column 2 REAL, X column 3 REAL,"
                + " X column 4 REAL)) or 1 (PREDICT(X ARRAY(REAL) of 4)) arguments; 3 were"
                + " given");
  }

  @Test
  void severalInputsTakeOneArgumentEach() throws Exception {
    MethodSignature signature = signature("multitype_two_in_two_out_torch");
    ArgumentLayout layout = ArgumentLayout.forArgumentCount(signature, 2);

    assertThat(layout.arguments())
        .containsExactly(
            new ExpectedArgument(1, "InputA", 0, ElementType.UINT8, 0),
            new ExpectedArgument(2, "InputB", 0, ElementType.DOUBLE, 4));
    assertThat(layout.rowsPerRun()).isEqualTo(1);
    assertThatThrownBy(() -> ArgumentLayout.forArgumentCount(signature, 1))
        .hasMessage(
            "Method PREDICT takes 2 (PREDICT(InputA SMALLINT, InputB ARRAY(DOUBLE) of 4))"
                + " arguments; 1 was given");
  }

  @Test
  void symbolicRowLengthTakesAnyArrayOrAnyNumberOfColumns() throws Exception {
    MethodSignature signature = signature("skl_treeclassifier_softmax");

    assertThat(ArgumentLayout.forArgumentCount(signature, 1).arguments())
        .containsExactly(new ExpectedArgument(1, "input", 0, ElementType.FLOAT, -1));
    assertThat(ArgumentLayout.forArgumentCount(signature, 20).arguments()).hasSize(20);
    assertThatThrownBy(() -> ArgumentLayout.forArgumentCount(signature, 0))
        .hasMessageContaining("or any number above 1, one per column of input 'input'");
  }

  @Test
  void fixedBatchDimensionSetsRowsPerRun() throws Exception {
    assertThat(
            ArgumentLayout.forArgumentCount(signature("skl_randomforest_iris_fixed1"), 4)
                .rowsPerRun())
        .isEqualTo(1);
    assertThat(
            ArgumentLayout.forArgumentCount(signature("identity_string_tf2onnx"), 1).rowsPerRun())
        .isEqualTo(2);
  }

  @Test
  void refusesInputsWithDifferentBatchDimensions() {
    MethodSignature gemm =
        new MethodSignature(
            "PREDICT",
            List.of(
                new MethodInput("a", ElementType.FLOAT, List.of(4L, 3L)),
                new MethodInput("b", ElementType.FLOAT, List.of(5L, 4L))),
            List.of(MethodOutput.tensor("y", ElementType.FLOAT, List.of(3L, 5L))));

    assertThatThrownBy(() -> ArgumentLayout.accepted(gemm))
        .isInstanceOf(ModelInvocationException.class)
        .hasMessage(
            "Method PREDICT cannot be called on rows: input 'a' has shape [4, 3] and input 'b'"
                + " has shape [5, 4]; every input must have the same batch dimension first");
  }
}
