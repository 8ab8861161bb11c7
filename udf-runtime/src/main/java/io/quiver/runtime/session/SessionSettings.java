package io.quiver.runtime.session;

/**
 * How ONNX Runtime sessions are created. Graph optimization is always at its highest level.
 *
 * @param intraOpThreads threads one run may use inside an operator; 1 by default, because Quiver
 *     runs several batches in parallel and each batch then keeps one core busy
 */
public record SessionSettings(int intraOpThreads) {
  public SessionSettings {
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException(
          "intraOpThreads is " + intraOpThreads + "; it must be at least 1");
    }
  }

  public static SessionSettings defaults() {
    return new SessionSettings(1);
  }
}
