package io.quiver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model of shared/models, through SQL on the embedded driver: each is logged with CREATE
 * MODEL, the rows of its test cases are loaded into a table, and {@code SELECT model!predict(...)}
 * must return what the test data expects, in every argument form its inputs allow, with each output
 * read both from the returned ROW and by its name. Models with a dataset check must reach its
 * accuracy. The models that cannot run for a reason outside Quiver are listed in {@link
 * KnownFailure} and must fail for that reason.
 */
class SqlConformanceTest {
  /** The shared models; where they are absent, every test of this class is skipped, saying why. */
  static List<String> models() {
    return SharedModels.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void modelGivesItsExpectedOutputsThroughSql(String model) throws Exception {
    KnownFailure knownFailure = KnownFailure.onThisHost().get(model);

    try (ConformanceRun run = new ConformanceRun(model)) {
      if (knownFailure == null) {
        run.passes();
      } else {
        knownFailure.check(run);
      }
    }
  }

  @Test
  void everyKnownFailureIsASharedModel() {
    assertThat(models()).containsAll(KnownFailure.onThisHost().keySet());
  }

  @Test
  void findsTheModelsAndNodeTestsOfTheManifest() {
    List<String> models = models();

    assertThat(models.stream().filter(SharedModels::isNodeTest)).hasSize(12);
    assertThat(models.stream().filter(model -> !SharedModels.isNodeTest(model))).hasSize(20);
  }
}
