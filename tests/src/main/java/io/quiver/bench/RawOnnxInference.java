package io.quiver.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import io.quiver.runtime.session.OnnxEnvironment;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model run on ONNX Runtime directly, without SQL: batches of pre-built feature rows, read from a
 * direct buffer without copying, are scored by several threads on one session. The session is set
 * up as Quiver sets up its own (all graph optimizations, one thread inside each run), so that the
 * threads here are the only parallelism, as Quiver's batches are.
 */
final class RawOnnxInference implements AutoCloseable {
  private final BenchmarkModel model;
  private final FloatBuffer features;
  private final OrtEnvironment environment = OnnxEnvironment.get();
  private final OrtSession session;
  private final ExecutorService workers;

  /**
   * @param features rows of {@link FeatureGenerator#FEATURES} floats, in a direct buffer
   * @param maxThreads the most threads any run will use
   */
  RawOnnxInference(BenchmarkModel model, FloatBuffer features, int maxThreads) throws OrtException {
    this.model = model;
    this.features = features;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setOptimizationLevel(OptLevel.ALL_OPT);
      options.setIntraOpNumThreads(1);
      this.session = environment.createSession(model.file().toString(), options);
    }
    this.workers = Executors.newFixedThreadPool(maxThreads, RawOnnxInference::daemon);
  }

  /**
   * Scores the first rows, once to warm up on a tenth of them and then {@code timedRuns} times, and
   * returns the fastest timed run. The scores land in {@code scores}, one per row.
   */
  Measurement measure(int rows, int batchSize, int threads, int timedRuns, float[] scores)
      throws OrtException, InterruptedException {
    score(Math.max(1, rows / 10), batchSize, threads, scores);
    List<Measurement> runs = new ArrayList<>();
    for (int run = 0; run < timedRuns; run++) {
      Measurement.Stopwatch stopwatch = new Measurement.Stopwatch();
      score(rows, batchSize, threads, scores);
      runs.add(stopwatch.finish(rows));
    }
    return Measurement.fastest(runs);
  }

  /** Scores the first rows in batches taken in turn by the threads. */
  private void score(int rows, int batchSize, int threads, float[] scores)
      throws OrtException, InterruptedException {
    int batches = (rows + batchSize - 1) / batchSize;
    AtomicInteger nextBatch = new AtomicInteger();
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int thread = 0; thread < threads; thread++) {
      tasks.add(
          () -> {
            scoreBatches(nextBatch, batches, batchSize, rows, scores);
            return null;
          });
    }
    awaitAll(workers.invokeAll(tasks));
  }

  private void scoreBatches(
      AtomicInteger nextBatch, int batches, int batchSize, int rows, float[] scores)
      throws OrtException {
    for (int batch = nextBatch.getAndIncrement();
        batch < batches;
        batch = nextBatch.getAndIncrement()) {
      int first = batch * batchSize;
      scoreBatch(first, Math.min(batchSize, rows - first), scores);
    }
  }

  private void scoreBatch(int first, int count, float[] scores) throws OrtException {
    FloatBuffer rows = DirectFloats.rows(features, FeatureGenerator.FEATURES, first, count);
    long[] shape = {count, FeatureGenerator.FEATURES};
    try (OnnxTensor input = OnnxTensor.createTensor(environment, rows, shape);
        OrtSession.Result result = session.run(Map.of(model.inputName(), input))) {
      OnnxTensor output = (OnnxTensor) result.get(model.outputName()).orElseThrow();
      output.getFloatBuffer().get(0, scores, first, count);
    }
  }

  private static void awaitAll(List<Future<Void>> runs) throws OrtException {
    for (Future<Void> run : runs) {
      try {
        run.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof OrtException failure) {
          throw failure;
        }
        throw new IllegalStateException("A benchmark thread failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while scoring", e);
      }
    }
  }

  private static Thread daemon(Runnable work) {
    Thread thread = new Thread(work, "raw-onnx-runtime");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() throws OrtException {
    workers.shutdownNow();
    session.close();
  }
}
