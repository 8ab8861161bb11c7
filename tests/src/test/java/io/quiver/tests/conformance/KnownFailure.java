package io.quiver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A shared model that cannot run for a reason outside Quiver, and how it must fail: the statement
 * that fails and words of the message that give the reason.
 *
 * @param model the shared model
 * @param reason why the model cannot run
 * @param failsWhen the statement that fails
 * @param message words the error, or one of its causes, must contain
 */
record KnownFailure(String model, String reason, Stage failsWhen, String message) {
  /** The statement that fails. */
  enum Stage {
    /** CREATE MODEL refuses the model. */
    LOG,
    /** CREATE MODEL logs the model, and calling it fails. */
    CALL
  }

  private static final String NO_LOCALE = "StringNormalizer needs the en_US.UTF-8 locale";
  private static final String LOCALE_MESSAGE = "Failed to construct locale with name:en_US.UTF-8";
  private static final String NO_BATCH = "every input must have the same batch dimension first";
  private static final String NODE_TESTS = SharedModels.NODE_TESTS + "/";

  private static final KnownFailure OPSET_SIX =
      new KnownFailure(
          NODE_TESTS + "pytorch_converted_test_Linear",
          "its Gemm is of opset 6, and ONNX Runtime has no kernels for opsets before 7",
          Stage.LOG,
          "Could not find an implementation for Gemm(6)");

  private static final KnownFailure GEMM_MATRICES =
      new KnownFailure(
          NODE_TESTS + "test_gemm_all_attributes",
          "its inputs a [4,3], b [5,4] and c [1,5] are matrices, with no batch of rows first",
          Stage.CALL,
          NO_BATCH);

  private static final KnownFailure FEATURE_INDICES =
      new KnownFailure(
          NODE_TESTS + "test_ai_onnx_ml_array_feature_extractor",
          "its input y [2] holds column indices for the whole of x [3,4], not one per row",
          Stage.CALL,
          NO_BATCH);

  private static final KnownFailure STRING_NORMALIZER =
      new KnownFailure("string_normalizer_two_outputs", NO_LOCALE, Stage.LOG, LOCALE_MESSAGE);

  private static final String STOP_WORDS =
      NODE_TESTS + "test_strnormalizer_export_monday_casesensintive_lower";

  private static final KnownFailure STOP_WORDS_WITHOUT_LOCALE =
      new KnownFailure(STOP_WORDS, NO_LOCALE, Stage.CALL, LOCALE_MESSAGE);

  private static final KnownFailure STOP_WORDS_DROP_ROWS =
      new KnownFailure(
          STOP_WORDS,
          "its StringNormalizer drops the stop word \"monday\", returning 3 rows for 4",
          Stage.CALL,
          "Quiver needs the rows of the batch as its first dimension");

  /**
   * The known failures on this host. The models using StringNormalizer fail for want of the
   * en_US.UTF-8 locale where it is missing; where it is installed, the one of them that keeps its
   * rows must pass.
   */
  static Map<String, KnownFailure> onThisHost() {
    boolean hasLocale = HostLocales.hasEnglishUnitedStatesUtf8();
    List<KnownFailure> failures =
        new ArrayList<>(List.of(OPSET_SIX, GEMM_MATRICES, FEATURE_INDICES));

    failures.add(hasLocale ? STOP_WORDS_DROP_ROWS : STOP_WORDS_WITHOUT_LOCALE);
    if (!hasLocale) {
      failures.add(STRING_NORMALIZER);
    }
    return failures.stream().collect(Collectors.toMap(KnownFailure::model, Function.identity()));
  }

  /** Checks that the model fails at its stage, with its message. */
  void check(ConformanceRun run) throws SQLException {
    if (failsWhen == Stage.CALL) {
      run.log();
    }

    ThrowingCallable failing = failsWhen == Stage.LOG ? run::log : run::checkCases;
    assertThatThrownBy(failing)
        .as(model + " fails because " + reason)
        .isInstanceOf(SQLException.class)
        .satisfies(error -> assertThat(ErrorMessages.of(error)).contains(message));
  }
}
