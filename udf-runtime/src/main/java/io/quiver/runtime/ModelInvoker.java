package io.quiver.runtime;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OrtException;
import io.quiver.runtime.batch.ModelBatchRunner;
import io.quiver.runtime.pipeline.ArgumentRows;
import io.quiver.runtime.pipeline.Batch;
import io.quiver.runtime.pipeline.BatchReader;
import io.quiver.runtime.pipeline.CloseableIterator;
import io.quiver.runtime.pipeline.OrderedBatchPipeline;
import io.quiver.runtime.session.ModelSession;
import io.quiver.runtime.session.ModelSessionCache;
import io.quiver.runtime.signature.ArgumentLayout;
import io.quiver.runtime.signature.MethodSignature;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Calls one method of one model version on rows of arguments.
 *
 * <pre>{@code
 * try (ModelInvoker invoker =
 *     ModelInvoker.builder(checksum, artifactReader, signature)
 *         .argumentCount(4)
 *         .batchSize(1024)
 *         .parallelism(2)
 *         .open();
 *     CloseableIterator<Object[]> results = invoker.invoke(argumentRows)) {
 *   while (results.hasNext()) {
 *     Object[] outputs = results.next(); // one value per output, in signature order
 *   }
 * }
 * }</pre>
 *
 * <p>An invoker holds a lease on the cached session of its model version, so releasing the version
 * from the cache never closes the session under a running call. It is safe to use from several
 * threads; each {@link #invoke} has its own pipeline.
 */
public final class ModelInvoker implements AutoCloseable {
  private static final BufferAllocator SHARED_ALLOCATOR = new RootAllocator();

  private final MethodSignature signature;
  private final String method;
  private final ArgumentLayout layout;
  private final int batchSize;
  private final int parallelism;
  private final ModelSession session;
  private final BufferAllocator allocator;
  private final ModelBatchRunner runner;
  private final Set<CloseableIterator<Object[]>> openCalls = new HashSet<>();
  private boolean closed;

  private ModelInvoker(
      Builder builder, ArgumentLayout layout, ModelSession session, BufferAllocator allocator) {
    this.signature = builder.signature;
    this.layout = layout;
    this.batchSize = builder.batchSize;
    this.parallelism = builder.parallelism;
    this.session = session;
    this.allocator = allocator;
    this.method = builder.displayName == null ? signature.method() : builder.displayName;
    this.runner = new ModelBatchRunner(session.session(), layout, method, allocator);
  }

  /**
   * Starts building an invoker.
   *
   * @param versionKey identifies the model version in the session cache, e.g. its checksum
   * @param artifact supplies the ONNX model bytes if the cache has to load them
   * @param signature the stored signature of the method
   */
  public static Builder builder(
      String versionKey, Supplier<byte[]> artifact, MethodSignature signature) {
    return new Builder(versionKey, artifact, signature);
  }

  public MethodSignature signature() {
    return signature;
  }

  /** How the arguments of each row fill the inputs of the model. */
  public ArgumentLayout layout() {
    return layout;
  }

  /**
   * Calls the method on every argument row, in batches run in parallel, and returns the result rows
   * in the same order: one Object[] per argument row with one value per output. The argument rows
   * are read on the caller's thread as the results are consumed; close the result to stop early.
   */
  public CloseableIterator<Object[]> invoke(Iterator<Object[]> argumentRows) {
    return invoke(BatchReader.of(argumentRows));
  }

  /**
   * Calls the method on the rows a reader reads a batch at a time, such as typed columns filled by
   * a scan ({@link io.quiver.runtime.batch.ArgumentColumns}); otherwise as {@link
   * #invoke(Iterator)}.
   */
  public CloseableIterator<Object[]> invoke(BatchReader argumentBatches) {
    OrderedBatchPipeline pipeline =
        new OrderedBatchPipeline(argumentBatches, batchSize, parallelism, runner);
    CloseableIterator<Object[]> call = new TrackedCall(pipeline);
    synchronized (openCalls) {
      if (closed) {
        throw new IllegalStateException("The invoker of " + method + " is closed");
      }
      openCalls.add(call);
    }
    return call;
  }

  /** Calls the method on one argument row, on the caller's thread. */
  public Object[] invokeOne(Object[] arguments) {
    requireNonNull(arguments, "arguments is null");
    try {
      return runner.apply(new Batch(0, 1, ArgumentRows.of(List.<Object[]>of(arguments)))).get(0);
    } catch (OrtException e) {
      throw new ModelInvocationException("Method " + method + " failed: " + e.getMessage(), e);
    }
  }

  /** Closes every open call, then returns the session lease and frees the Arrow memory. */
  @Override
  public void close() {
    List<CloseableIterator<Object[]>> calls;
    synchronized (openCalls) {
      if (closed) {
        return;
      }
      closed = true;
      calls = List.copyOf(openCalls);
    }
    try {
      calls.forEach(CloseableIterator::close);
    } finally {
      session.close();
      allocator.close();
    }
  }

  /** A call whose close also forgets it in the invoker. */
  private final class TrackedCall implements CloseableIterator<Object[]> {
    private final OrderedBatchPipeline pipeline;

    TrackedCall(OrderedBatchPipeline pipeline) {
      this.pipeline = pipeline;
    }

    @Override
    public boolean hasNext() {
      return pipeline.hasNext();
    }

    @Override
    public Object[] next() {
      return pipeline.next();
    }

    @Override
    public void close() {
      pipeline.close();
      synchronized (openCalls) {
        openCalls.remove(this);
      }
    }
  }

  /** Settings of an invoker; only the argument count has no default. */
  public static final class Builder {
    private final String versionKey;
    private final Supplier<byte[]> artifact;
    private final MethodSignature signature;
    private String displayName;
    private int argumentCount = -1;
    private int batchSize = 1024;
    private int parallelism = 1;
    private ModelSessionCache sessions = ModelSessionCache.shared();
    private BufferAllocator allocator = SHARED_ALLOCATOR;

    private Builder(String versionKey, Supplier<byte[]> artifact, MethodSignature signature) {
      this.versionKey = requireNonNull(versionKey, "versionKey is null");
      this.artifact = requireNonNull(artifact, "artifact is null");
      this.signature = requireNonNull(signature, "signature is null");
    }

    /** How errors name the method, e.g. "IRIS_MODEL!PREDICT"; the method name by default. */
    public Builder displayName(String displayName) {
      this.displayName = requireNonNull(displayName, "displayName is null");
      return this;
    }

    /** The number of arguments of each row; it picks the {@link ArgumentLayout}. */
    public Builder argumentCount(int argumentCount) {
      this.argumentCount = argumentCount;
      return this;
    }

    /** Rows per batch; 1024 by default. */
    public Builder batchSize(int batchSize) {
      this.batchSize = positive(batchSize, "batchSize");
      return this;
    }

    /** Batches run at the same time by one call; 1 by default. */
    public Builder parallelism(int parallelism) {
      this.parallelism = positive(parallelism, "parallelism");
      return this;
    }

    /** The session cache; the JVM's shared one by default. */
    public Builder sessions(ModelSessionCache sessions) {
      this.sessions = requireNonNull(sessions, "sessions is null");
      return this;
    }

    /** The allocator batches take Arrow memory from; a JVM-wide root allocator by default. */
    public Builder allocator(BufferAllocator allocator) {
      this.allocator = requireNonNull(allocator, "allocator is null");
      return this;
    }

    /**
     * Picks the argument layout and acquires the session, loading the model if needed.
     *
     * @throws InvalidArgumentException if no layout takes the argument count
     * @throws InvalidModelException if ONNX Runtime cannot load the model
     */
    public ModelInvoker open() throws InvalidModelException {
      if (argumentCount < 0) {
        throw new IllegalStateException("argumentCount is not set");
      }
      ArgumentLayout layout = ArgumentLayout.forArgumentCount(signature, argumentCount);
      ModelSession session = sessions.acquire(versionKey, artifact);
      try {
        String name = "model version " + versionKey;
        BufferAllocator child = allocator.newChildAllocator(name, 0, Long.MAX_VALUE);
        return new ModelInvoker(this, layout, session, child);
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " is " + value + "; it must be at least 1");
      }
      return value;
    }
  }
}
