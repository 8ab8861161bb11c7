package io.quiver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A benchmark model as bench.json describes it: its ONNX file, the names of its input (float
 * [N,20]) and output (float [N,1]), and sample inputs with their expected scores.
 *
 * @param name the model's name in Quiver, e.g. "mlp" for mlp_f20.onnx
 * @param file the ONNX file
 * @param inputName the input tensor, e.g. "features"
 * @param outputName the output tensor, e.g. "score"
 * @param sampleInputs feature rows from bench.json
 * @param sampleScores the scores bench.json expects for them
 * @param tolerance the largest difference from the expected scores bench.json allows
 */
record BenchmarkModel(
    String name,
    Path file,
    String inputName,
    String outputName,
    List<float[]> sampleInputs,
    double[] sampleScores,
    double tolerance) {
  static final String DESCRIPTION_FILE = "bench.json";

  /** Thrown when the benchmark models are not where they are looked for. */
  static final class MissingModelsException extends Exception {
    private static final long serialVersionUID = 1L;

    MissingModelsException(String message) {
      super(message);
    }
  }

  /** The models bench.json in the folder describes, in its order. */
  static List<BenchmarkModel> loadAll(Path folder) throws MissingModelsException, IOException {
    Path description = folder.resolve(DESCRIPTION_FILE);
    if (!Files.isReadable(description)) {
      throw new MissingModelsException(
          "The benchmark models are absent: "
              + description.toAbsolutePath().normalize()
              + " cannot be read. Put bench.json, gbdt_f20.onnx and mlp_f20.onnx in"
              + " ../shared/bench beside the repository, or pass --models DIR.");
    }

    List<BenchmarkModel> models = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> entries =
        new ObjectMapper().readTree(description.toFile()).fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      models.add(model(folder, entry.getKey(), entry.getValue()));
    }
    return List.copyOf(models);
  }

  private static BenchmarkModel model(Path folder, String key, JsonNode node)
      throws MissingModelsException {
    Path file = folder.resolve(key + ".onnx");
    if (!Files.isReadable(file)) {
      throw new MissingModelsException(
          "The benchmark model " + file.toAbsolutePath().normalize() + " cannot be read");
    }

    List<float[]> inputs = new ArrayList<>();
    for (JsonNode row : node.get("sample_inputs")) {
      float[] features = new float[row.size()];
      for (int index = 0; index < features.length; index++) {
        features[index] = (float) row.get(index).asDouble();
      }
      inputs.add(features);
    }

    JsonNode expected = node.get("sample_expected");
    double[] scores = new double[expected.size()];
    for (int index = 0; index < scores.length; index++) {
      scores[index] = expected.get(index).asDouble();
    }

    String name = key.contains("_") ? key.substring(0, key.indexOf('_')) : key;
    return new BenchmarkModel(
        name,
        file,
        node.get("input").get("name").asText(),
        node.get("output").get("name").asText(),
        List.copyOf(inputs),
        scores,
        node.get("atol").asDouble());
  }
}
