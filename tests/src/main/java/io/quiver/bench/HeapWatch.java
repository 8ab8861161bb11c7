package io.quiver.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap while work runs: the most heap in use, sampled every few milliseconds, and the
 * most in use right after a garbage collection, which bounds the live data.
 */
final class HeapWatch implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 5;
  private static final Path PROCESS_STATUS = Path.of("/proc/self/status");

  private final Set<String> heapPools = heapPoolNames();
  private final Thread sampler;
  private final List<NotificationEmitter> collectors = new ArrayList<>();
  private final NotificationListener collectionListener = this::collected;
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakAfterCollection = new AtomicLong();
  private final AtomicLong lastAfterCollection = new AtomicLong();
  private final AtomicLong collections = new AtomicLong();
  private volatile boolean watching = true;

  private HeapWatch() {
    this.sampler = new Thread(this::sampleUntilClosed, "heap-watch");
    this.sampler.setDaemon(true);
  }

  /** Collects garbage, then starts watching. */
  static HeapWatch start() {
    System.gc();
    HeapWatch watch = new HeapWatch();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(watch.collectionListener, null, null);
        watch.collectors.add(emitter);
      }
    }
    watch.sampler.start();
    return watch;
  }

  long peakUsedBytes() {
    return peakUsed.get();
  }

  long peakAfterCollectionBytes() {
    return peakAfterCollection.get();
  }

  /** The heap in use right after the latest garbage collection. */
  long lastAfterCollectionBytes() {
    return lastAfterCollection.get();
  }

  long collections() {
    return collections.get();
  }

  /** The process's peak resident memory (heap, ONNX Runtime and Arrow), where Linux tells it. */
  static Optional<Long> peakResidentBytes() {
    try {
      for (String line : Files.readAllLines(PROCESS_STATUS)) {
        if (line.startsWith("VmHWM:")) {
          String kilobytes = line.substring("VmHWM:".length()).replace("kB", "").trim();
          return Optional.of(Long.parseLong(kilobytes) * 1024);
        }
      }
    } catch (IOException | NumberFormatException unavailable) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private void sampleUntilClosed() {
    while (watching) {
      peakUsed.accumulateAndGet(heapUsed(), Math::max);
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static Set<String> heapPoolNames() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getName)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long after = 0;
    for (Map.Entry<String, MemoryUsage> pool :
        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      after += heapPools.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
    }
    collections.incrementAndGet();
    lastAfterCollection.set(after);
    peakAfterCollection.accumulateAndGet(after, Math::max);
  }

  @Override
  public void close() {
    watching = false;
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    peakUsed.accumulateAndGet(heapUsed(), Math::max);
    for (NotificationEmitter collector : collectors) {
      try {
        collector.removeNotificationListener(collectionListener);
      } catch (ListenerNotFoundException alreadyRemoved) {
        // Nothing to remove.
      }
    }
  }
}
