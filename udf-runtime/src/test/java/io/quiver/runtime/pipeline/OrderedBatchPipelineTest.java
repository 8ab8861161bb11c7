package io.quiver.runtime.pipeline;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.runtime.ModelInvocationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class OrderedBatchPipelineTest {
  @Test
  void keepsInputOrderOverManyBatchesRunInParallel() {
    Set<String> workers = ConcurrentHashMap.newKeySet();
    BatchFunction doubling =
        batch -> {
          workers.add(Thread.currentThread().getName());
          Thread.sleep(ThreadLocalRandom.current().nextInt(3));
          return rows(batch).stream().map(row -> new Object[] {2 * (Integer) row[0]}).toList();
        };

    List<Object> results = new ArrayList<>();
    try (OrderedBatchPipeline pipeline =
        new OrderedBatchPipeline(BatchReader.of(new CountingInput(10_007)), 50, 2, doubling)) {
      pipeline.forEachRemaining(row -> results.add(row[0]));
    }

    assertThat(results).hasSize(10_007);
    for (int index = 0; index < results.size(); index++) {
      assertThat(results.get(index)).isEqualTo(2 * index);
    }
    assertThat(workers).hasSizeGreaterThan(1).allMatch(name -> name.startsWith("quiver-batch-"));
  }

  @Test
  void readsNoMoreThanParallelismPlusTwoBatchesAhead() throws Exception {
    CountingInput input = new CountingInput(1_000);
    CountDownLatch release = new CountDownLatch(1);
    BatchFunction blocked =
        batch -> {
          release.await();
          return rows(batch);
        };
    OrderedBatchPipeline pipeline = new OrderedBatchPipeline(BatchReader.of(input), 10, 2, blocked);
    Thread consumer = new Thread(pipeline::hasNext);
    consumer.start();

    try {
      waitUntil(() -> input.read() == 40);
      Thread.sleep(200);
      assertThat(input.read()).isEqualTo(40);
      assertThat(pipeline.batchesInFlight()).isEqualTo(4);
    } finally {
      // The workers are shared with the other tests: never leave them blocked.
      release.countDown();
    }
    consumer.join();
    long consumed = 0;
    while (pipeline.hasNext()) {
      pipeline.next();
      consumed++;
      assertThat(input.read() - consumed).isLessThanOrEqualTo(40);
    }
    assertThat(consumed).isEqualTo(1_000);
    pipeline.close();
  }

  @Test
  void readsTheNextBatchWhileEarlierOnesRun() {
    CountingInput input = new CountingInput(100);
    BatchFunction waitsForReading =
        batch -> {
          long wanted = (batch.index() + 2L) * 10;
          long deadline = System.nanoTime() + SECONDS.toNanos(10);
          while (input.read() < Math.min(wanted, 100)) {
            if (System.nanoTime() > deadline) {
              throw new TimeoutException(
                  "Input was not read while batch " + batch.index() + " ran");
            }
            Thread.sleep(1);
          }
          return rows(batch);
        };

    try (OrderedBatchPipeline pipeline =
        new OrderedBatchPipeline(BatchReader.of(input), 10, 1, waitsForReading)) {
      int count = 0;
      while (pipeline.hasNext()) {
        pipeline.next();
        count++;
      }
      assertThat(count).isEqualTo(100);
    }
  }

  @Test
  void rethrowsFailureOfBatchWithItsMessage() {
    BatchFunction failsOnThird =
        batch -> {
          if (batch.index() == 3) {
            throw new IllegalStateException("model exploded on rows " + batch.firstRowNumber());
          }
          return rows(batch);
        };
    OrderedBatchPipeline pipeline =
        new OrderedBatchPipeline(BatchReader.of(new CountingInput(100)), 5, 2, failsOnThird);

    for (int row = 0; row < 15; row++) {
      pipeline.next();
    }
    assertThatThrownBy(pipeline::hasNext)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("model exploded on rows 16");
    assertThatThrownBy(pipeline::hasNext).hasMessage("The model call is closed");
  }

  @Test
  void wrapsCheckedFailureKeepingItsMessage() {
    BatchFunction failing =
        batch -> {
          throw new IOException("artifact store unreachable");
        };

    try (OrderedBatchPipeline pipeline =
        new OrderedBatchPipeline(BatchReader.of(new CountingInput(10)), 5, 1, failing)) {
      assertThatThrownBy(pipeline::next)
          .isInstanceOf(ModelInvocationException.class)
          .hasMessage("artifact store unreachable")
          .hasCauseInstanceOf(IOException.class);
    }
  }

  @Test
  void closeMidStreamCancelsWaitsAndFreesMemory() throws Exception {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    try (RootAllocator allocator = new RootAllocator()) {
      BatchFunction slowUntilCancelled =
          batch -> holdMemoryUntilCancelled(batch, allocator, started, running);
      OrderedBatchPipeline pipeline =
          new OrderedBatchPipeline(
              BatchReader.of(new CountingInput(1_000)),
              10,
              2,
              slowFirstBatchOnly(slowUntilCancelled));

      assertThat(pipeline.next()[0]).isEqualTo(0);
      waitUntil(() -> running.get() == 2);
      assertThat(allocator.getAllocatedMemory()).isPositive();
      pipeline.close();

      assertThat(running.get()).isZero();
      assertThat(allocator.getAllocatedMemory()).isZero();
      int startedAtClose = started.get();
      Thread.sleep(100);
      assertThat(started.get()).isEqualTo(startedAtClose);
      pipeline.close();
      assertThatThrownBy(pipeline::hasNext).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void closeFromAnotherThreadStopsAWaitingConsumer() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    BatchFunction stuck =
        batch -> {
          batch.onCancel(never::countDown);
          never.await();
          return rows(batch);
        };
    OrderedBatchPipeline pipeline =
        new OrderedBatchPipeline(BatchReader.of(new CountingInput(100)), 10, 1, stuck);
    AtomicLong failures = new AtomicLong();
    Thread consumer =
        new Thread(
            () -> {
              try {
                pipeline.hasNext();
              } catch (ModelInvocationException e) {
                failures.incrementAndGet();
              }
            });
    consumer.start();
    Thread.sleep(100);

    pipeline.close();
    consumer.join(10_000);

    assertThat(consumer.isAlive()).isFalse();
    assertThat(failures.get()).isEqualTo(1);
  }

  @Test
  void emptyInputGivesNoRows() {
    try (OrderedBatchPipeline pipeline =
        new OrderedBatchPipeline(
            BatchReader.of(new CountingInput(0)), 10, 2, OrderedBatchPipelineTest::rows)) {
      assertThat(pipeline.hasNext()).isFalse();
    }
  }

  /** Batch 0 returns at once; later batches hold Arrow memory until they are cancelled. */
  private static BatchFunction slowFirstBatchOnly(BatchFunction slow) {
    return batch -> batch.index() == 0 ? rows(batch) : slow.apply(batch);
  }

  private static List<Object[]> holdMemoryUntilCancelled(
      Batch batch, BufferAllocator allocator, AtomicInteger started, AtomicInteger running)
      throws InterruptedException {
    started.incrementAndGet();
    CountDownLatch cancelled = new CountDownLatch(1);
    try (BufferAllocator child = allocator.newChildAllocator("batch", 0, Long.MAX_VALUE);
        ArrowBuf buffer = child.buffer(4096);
        Batch.Registration registration = batch.onCancel(cancelled::countDown)) {
      running.incrementAndGet();
      try {
        cancelled.await(30, SECONDS);
        Thread.sleep(50);
      } finally {
        running.decrementAndGet();
      }
    }
    return rows(batch);
  }

  /** The batch's argument rows, which the test functions return as their results. */
  private static List<Object[]> rows(Batch batch) {
    List<Object[]> rows = new ArrayList<>();
    for (int row = 0; row < batch.size(); row++) {
      rows.add(batch.arguments().row(row));
    }
    return rows;
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** Rows {0}, {1}, ... that count how many have been read. */
  private static final class CountingInput implements Iterator<Object[]> {
    private final int size;
    private final AtomicInteger read = new AtomicInteger();

    CountingInput(int size) {
      this.size = size;
    }

    int read() {
      return read.get();
    }

    @Override
    public boolean hasNext() {
      return read.get() < size;
    }

    @Override
    public Object[] next() {
      return new Object[] {read.getAndIncrement()};
    }
  }
}
