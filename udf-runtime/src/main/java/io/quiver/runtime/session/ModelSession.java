package io.quiver.runtime.session;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OrtSession;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A lease on a cached ONNX Runtime session. The session stays open at least until the lease is
 * closed, even if the model version is released from the cache meanwhile. Runs on the session may
 * come from any number of threads.
 */
public final class ModelSession implements AutoCloseable {
  private final String versionKey;
  private final OrtSession session;
  private final Runnable returnLease;
  private final AtomicBoolean closed = new AtomicBoolean();

  ModelSession(String versionKey, OrtSession session, Runnable returnLease) {
    this.versionKey = requireNonNull(versionKey, "versionKey is null");
    this.session = requireNonNull(session, "session is null");
    this.returnLease = requireNonNull(returnLease, "returnLease is null");
  }

  public String versionKey() {
    return versionKey;
  }

  /** The session; do not use it after {@link #close()}. */
  public OrtSession session() {
    if (closed.get()) {
      throw new IllegalStateException("The lease on model version " + versionKey + " is closed");
    }
    return session;
  }

  /** Returns the lease. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      returnLease.run();
    }
  }
}
