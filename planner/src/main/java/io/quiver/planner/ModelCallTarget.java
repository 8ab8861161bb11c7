package io.quiver.planner;

import static java.util.Objects.requireNonNull;

import io.quiver.runtime.InvalidModelException;
import io.quiver.runtime.ModelInvoker;
import io.quiver.runtime.signature.MethodSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One method of one model version, called with a given number of arguments: everything needed to
 * run it, independent of any query.
 *
 * @param key identifies the target among all that are registered
 * @param display how the call is shown in plans and errors, {@code QUIVER.PUBLIC.M!PREDICT}
 * @param model the model's full name
 * @param version the version's name
 * @param checksum the artifact's checksum, which keys the cache of loaded sessions
 * @param artifact the ONNX file
 * @param signature the method's signature
 * @param argumentCount how many arguments the call passes
 */
public record ModelCallTarget(
    String key,
    String display,
    String model,
    String version,
    String checksum,
    Path artifact,
    MethodSignature signature,
    int argumentCount) {
  public ModelCallTarget {
    requireNonNull(key, "key is null");
    requireNonNull(display, "display is null");
    requireNonNull(model, "model is null");
    requireNonNull(version, "version is null");
    requireNonNull(checksum, "checksum is null");
    requireNonNull(artifact, "artifact is null");
    requireNonNull(signature, "signature is null");
  }

  /** An invoker for this target, loading the model's session if it is not cached yet. */
  public ModelInvoker open(int batchSize, int threads) {
    try {
      return ModelInvoker.builder(checksum, this::readArtifact, signature)
          .argumentCount(argumentCount)
          .displayName(display)
          .batchSize(batchSize)
          .parallelism(threads)
          .open();
    } catch (InvalidModelException e) {
      throw new IllegalStateException(
          "The artifact of " + display + " no longer loads: " + e.getMessage(), e);
    }
  }

  private byte[] readArtifact() {
    try {
      return Files.readAllBytes(artifact);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the artifact of " + display, e);
    }
  }
}
