package io.quiver.runtime.session;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;

/**
 * The one ONNX Runtime environment of the JVM.
 *
 * <p>It logs at ERROR level: ONNX Runtime's warnings (an old opset, a declared output shape that
 * differs from the batch) would otherwise be printed to standard error on every run.
 */
public final class OnnxEnvironment {
  private static final OrtEnvironment ENVIRONMENT =
      OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "quiver");

  private OnnxEnvironment() {}

  public static OrtEnvironment get() {
    return ENVIRONMENT;
  }
}
