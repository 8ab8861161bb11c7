package io.quiver.tests.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A labelled data file in libsvm format: per line a label, then {@code index:value} pairs for the
 * features that are not zero.
 *
 * @param labels the label of each row
 * @param features the features of each row, as a float tensor of one row per line
 */
record LibsvmFile(List<Long> labels, Tensor features) {
  static LibsvmFile read(Path file, int featureCount, int indexBase) throws IOException {
    List<Long> labels = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.trim().split("\\s+");
      labels.add((long) Double.parseDouble(fields[0]));
      values.addAll(features(fields, featureCount, indexBase));
    }

    List<Long> shape = List.of((long) labels.size(), (long) featureCount);
    return new LibsvmFile(labels, new Tensor(TensorType.FLOAT, shape, values));
  }

  private static List<Object> features(String[] fields, int featureCount, int indexBase) {
    List<Object> features = new ArrayList<>(Collections.nCopies(featureCount, 0f));
    for (int field = 1; field < fields.length; field++) {
      String[] pair = fields[field].split(":");
      features.set(Integer.parseInt(pair[0]) - indexBase, Float.parseFloat(pair[1]));
    }
    return features;
  }
}
