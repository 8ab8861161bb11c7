package io.quiver.runtime.pipeline;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads of the JVM that run batches.
 *
 * <p>One pool serves every pipeline, so queries reuse threads instead of starting their own. It
 * grows to the largest parallelism any pipeline asked for, which lets a query running alone get all
 * the threads it asked for; a pipeline never has more than its own parallelism of batches
 * unfinished, so it cannot take more than its share. Pipelines running at the same time share the
 * threads in submission order. Idle threads end after a minute, and all are daemons, so the pool
 * never keeps the JVM alive.
 */
final class BatchExecutor {
  private static final ThreadPoolExecutor POOL =
      new ThreadPoolExecutor(
          1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new WorkerFactory());

  static {
    POOL.allowCoreThreadTimeOut(true);
  }

  private BatchExecutor() {}

  /** The pool, grown first to at least this many threads. */
  static synchronized Executor withThreads(int threads) {
    if (threads > POOL.getMaximumPoolSize()) {
      POOL.setMaximumPoolSize(threads);
      POOL.setCorePoolSize(threads);
    }
    return POOL;
  }

  private static final class WorkerFactory implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable work) {
      Thread thread = new Thread(work, "quiver-batch-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
