package io.quiver.catalog.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.runtime.signature.MethodSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The manifest of a model version, stored as {@value ArtifactFile#MANIFEST_FILE} beside the model:
 * its model file and its methods with their signatures. It names no version, so versions with the
 * same model file share one manifest.
 */
final class ModelManifest {
  static final String VERSION = "1.0";

  private ModelManifest() {}

  static byte[] of(String modelChecksum, List<MethodSignature> methods) {
    ObjectNode manifest = Json.MAPPER.createObjectNode();
    manifest.put("manifest_version", VERSION);
    manifest.put("runtime", "ONNX_RUNTIME");
    ObjectNode model = manifest.putObject("model");
    model.put("path", ArtifactFile.MODEL_FILE);
    model.put("sha256", modelChecksum);
    ArrayNode list = manifest.putArray("methods");
    for (MethodSignature method : methods) {
      ObjectNode entry = list.addObject();
      entry.put("name", method.method());
      entry.put("type", "FUNCTION");
      entry.set("signature", Json.read(method.toJson()));
    }
    return Json.write(manifest).getBytes(StandardCharsets.UTF_8);
  }
}
