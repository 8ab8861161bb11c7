package io.quiver.tests.conformance;

/**
 * A check of a model's accuracy on a labelled data file in libsvm format, from expected.json.
 *
 * @param file the data file, in the model's folder
 * @param indexBase the index of the first feature in the file, 0 or 1
 * @param features the number of features of a row
 * @param labelOutput the output holding the predicted label, or null when the label is the index of
 *     the largest value of {@code scoreOutput}
 * @param scoreOutput the output holding one score per label, or null
 * @param expectedAccuracy the fraction of rows whose predicted label must be their label
 * @param tolerance the largest difference allowed from the expected accuracy
 */
record DatasetCheck(
    String file,
    int indexBase,
    int features,
    String labelOutput,
    String scoreOutput,
    double expectedAccuracy,
    double tolerance) {
  /** The output the check reads. */
  String output() {
    return labelOutput != null ? labelOutput : scoreOutput;
  }
}
