package io.quiver.runtime.batch;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.quiver.runtime.ModelInvocationException;
import io.quiver.runtime.pipeline.ArgumentRows;
import io.quiver.runtime.pipeline.Batch;
import io.quiver.runtime.pipeline.BatchFunction;
import io.quiver.runtime.signature.ArgumentLayout;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a model method on a batch of argument rows: encodes them into Arrow-backed tensors, runs the
 * session, decodes the outputs and frees every buffer before returning.
 *
 * <p>ONNX Runtime runs a batch {@value #MAX_ROWS_PER_RUN} rows at a time: a dense model computes
 * fastest when the activations of a run stay in the core's cache (the benchmark's MLP runs about
 * 10% faster in runs of 256 rows than of 4,096), and the fixed cost of a run, a few microseconds,
 * is small beside that many rows. A model whose batch dimension is fixed runs the batch in runs of
 * that many rows, the last one padded by repeating its last row. Cancelling the batch stops a
 * running ONNX Runtime call through its run options' terminate flag.
 */
public final class ModelBatchRunner implements BatchFunction {
  private static final Logger LOG = LoggerFactory.getLogger(ModelBatchRunner.class);

  /** The most rows of one ONNX Runtime run when the model's batch dimension is not fixed. */
  static final int MAX_ROWS_PER_RUN = 256;

  private final OrtSession session;
  private final String method;
  private final int rowsPerRun;
  private final BufferAllocator allocator;
  private final BatchEncoder encoder;
  private final BatchDecoder decoder;

  /**
   * @param session the session of the model version, open for as long as this runner is used
   * @param layout how argument rows fill the inputs
   * @param method the method as errors name it, e.g. "PREDICT" or "IRIS_MODEL!PREDICT"
   * @param allocator the parent of the per-batch allocators that hold the encoded inputs
   */
  public ModelBatchRunner(
      OrtSession session, ArgumentLayout layout, String method, BufferAllocator allocator) {
    this.session = requireNonNull(session, "session is null");
    this.method = requireNonNull(method, "method is null");
    this.rowsPerRun = requireNonNull(layout, "layout is null").rowsPerRun();
    this.allocator = requireNonNull(allocator, "allocator is null");
    this.encoder = new BatchEncoder(layout, method);
    this.decoder = new BatchDecoder(layout.signature(), method);
  }

  @Override
  public List<Object[]> apply(Batch batch) throws OrtException {
    ArgumentRows rows = batch.arguments();
    List<Object[]> results = new ArrayList<>(rows.size());
    int step = rowsPerRun > 0 ? rowsPerRun : MAX_ROWS_PER_RUN;
    try (BufferAllocator batchAllocator =
            allocator.newChildAllocator("batch " + batch.index(), 0, Long.MAX_VALUE);
        TerminableRun run = new TerminableRun();
        Batch.Registration registration = batch.onCancel(run::terminate)) {
      for (int first = 0; first < rows.size(); first += step) {
        int count = Math.min(step, rows.size() - first);
        int size = rowsPerRun > 0 ? rowsPerRun : count;
        RunRows arguments = new RunRows(rows, first, count, size, batch.firstRowNumber() + first);
        runOnce(arguments, run, batchAllocator, results);
      }
    }
    LOG.debug("Batch {} of method {}: {} rows", batch.index(), method, rows.size());
    return results;
  }

  private void runOnce(
      RunRows rows, TerminableRun run, BufferAllocator batchAllocator, List<Object[]> results)
      throws OrtException {
    try (EncodedInputs inputs = encoder.encode(rows, batchAllocator);
        OrtSession.Result result = session.run(inputs.tensors(), run.options())) {
      decoder.decode(result, rows.runRows(), rows.count(), results);
    } catch (OrtException e) {
      long last = rows.firstRowNumber() + rows.count() - 1;
      throw new ModelInvocationException(
          "Method "
              + method
              + " failed on rows "
              + rows.firstRowNumber()
              + " to "
              + last
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Run options whose terminate flag may be set from another thread until they are closed. */
  private static final class TerminableRun implements AutoCloseable {
    private final OrtSession.RunOptions options;
    private boolean closed;

    TerminableRun() throws OrtException {
      this.options = new OrtSession.RunOptions();
    }

    OrtSession.RunOptions options() {
      return options;
    }

    synchronized void terminate() {
      if (closed) {
        return;
      }
      try {
        options.setTerminate(true);
      } catch (OrtException e) {
        LOG.debug("Could not stop a running batch", e);
      }
    }

    @Override
    public synchronized void close() {
      closed = true;
      options.close();
    }
  }
}
