package io.quiver.runtime.session;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import io.quiver.runtime.InvalidModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime sessions cached per model version.
 *
 * <p>A session is loaded on the first {@link #acquire} of its version key, from the artifact
 * supplier given there, and shared by every caller and thread afterwards. {@link #release} drops it
 * from the cache; the session itself is closed only when the last lease on it is returned, so a
 * batch that is running keeps its session.
 */
public final class ModelSessionCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelSessionCache.class);
  private static final ModelSessionCache SHARED = new ModelSessionCache(SessionSettings.defaults());

  private final SessionSettings settings;
  private final Map<String, CachedSession> sessions = new ConcurrentHashMap<>();

  public ModelSessionCache(SessionSettings settings) {
    this.settings = requireNonNull(settings, "settings is null");
  }

  /** The cache of the JVM, with default settings. */
  public static ModelSessionCache shared() {
    return SHARED;
  }

  /**
   * Returns a lease on the session of a model version, loading the model first if the cache does
   * not hold it.
   *
   * @param versionKey identifies the model version, e.g. the checksum of its artifact
   * @param artifact supplies the bytes of the ONNX model; called only when loading
   * @throws InvalidModelException if ONNX Runtime cannot load the model
   */
  public ModelSession acquire(String versionKey, Supplier<byte[]> artifact)
      throws InvalidModelException {
    requireNonNull(versionKey, "versionKey is null");
    requireNonNull(artifact, "artifact is null");
    while (true) {
      CachedSession cached = sessions.computeIfAbsent(versionKey, CachedSession::new);
      if (!cached.retain()) {
        sessions.remove(versionKey, cached);
        continue;
      }

      try {
        OrtSession session = cached.load(artifact, settings);
        return new ModelSession(versionKey, session, cached::returnLease);
      } catch (InvalidModelException | RuntimeException e) {
        sessions.remove(versionKey, cached);
        cached.retire();
        cached.returnLease();
        throw e;
      }
    }
  }

  /** Like {@link #acquire(String, Supplier)}, reading the artifact from a file when loading. */
  public ModelSession acquire(String versionKey, Path artifact) throws InvalidModelException {
    requireNonNull(artifact, "artifact is null");
    return acquire(versionKey, () -> readArtifact(artifact));
  }

  /**
   * Drops a model version from the cache. Its session is closed once every lease on it is returned;
   * the next {@link #acquire} loads the model again.
   */
  public void release(String versionKey) {
    requireNonNull(versionKey, "versionKey is null");
    CachedSession cached = sessions.remove(versionKey);
    if (cached != null) {
      cached.retire();
    }
  }

  /** Whether the cache holds a loaded session for this model version. */
  public boolean contains(String versionKey) {
    CachedSession cached = sessions.get(versionKey);
    return cached != null && cached.isLoaded();
  }

  /** Releases every model version. */
  @Override
  public void close() {
    for (String versionKey : sessions.keySet()) {
      release(versionKey);
    }
  }

  private static byte[] readArtifact(Path artifact) {
    try {
      return Files.readAllBytes(artifact);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model artifact " + artifact, e);
    }
  }

  /** One model version: its session once loaded, and the leases on it. */
  private static final class CachedSession {
    private final String versionKey;
    private OrtSession session;
    private int leases;
    private boolean retired;

    CachedSession(String versionKey) {
      this.versionKey = versionKey;
    }

    synchronized boolean retain() {
      if (retired) {
        return false;
      }
      leases++;
      return true;
    }

    synchronized boolean isLoaded() {
      return session != null;
    }

    synchronized OrtSession load(Supplier<byte[]> artifact, SessionSettings settings)
        throws InvalidModelException {
      if (session != null) {
        return session;
      }

      long start = System.nanoTime();
      byte[] model = requireNonNull(artifact.get(), "artifact supplied null");
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setOptimizationLevel(OptLevel.ALL_OPT);
        options.setIntraOpNumThreads(settings.intraOpThreads());
        session = OnnxEnvironment.get().createSession(model, options);
      } catch (OrtException e) {
        throw new InvalidModelException(
            "Model version " + versionKey + " is not a loadable ONNX model: " + e.getMessage(), e);
      }

      long millis = (System.nanoTime() - start) / 1_000_000;
      LOG.info("Loaded model version {} ({} bytes) in {} ms", versionKey, model.length, millis);
      return session;
    }

    synchronized void returnLease() {
      leases--;
      closeIfUnused();
    }

    synchronized void retire() {
      retired = true;
      closeIfUnused();
    }

    private void closeIfUnused() {
      if (!retired || leases > 0 || session == null) {
        return;
      }
      try {
        session.close();
        LOG.info("Released model version {}", versionKey);
      } catch (OrtException e) {
        LOG.warn("Closing the session of model version {} failed", versionKey, e);
      }
      session = null;
    }
  }
}
