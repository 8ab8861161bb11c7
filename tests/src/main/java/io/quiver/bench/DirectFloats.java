package io.quiver.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** Direct float buffers in native order, which ONNX Runtime reads without copying. */
final class DirectFloats {
  private DirectFloats() {}

  static FloatBuffer allocate(long floats) {
    int bytes = Math.toIntExact(floats * Float.BYTES);
    return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  /** Rows [first, first + count) of a buffer of rows of {@code width} floats. */
  static FloatBuffer rows(FloatBuffer buffer, int width, int first, int count) {
    return buffer.slice(first * width, count * width);
  }
}
