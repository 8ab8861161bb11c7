package io.quiver.runtime.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OrtSession;
import io.quiver.runtime.InvalidModelException;
import io.quiver.runtime.SharedModels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ModelSessionCacheTest {
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void loadsOnceForConcurrentCallers() throws Exception {
    Supplier<byte[]> artifact = countingArtifact("skl_randomforest_iris");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try (ModelSessionCache cache = new ModelSessionCache(SessionSettings.defaults())) {
      List<Future<ModelSession>> leases = new ArrayList<>();
      for (int caller = 0; caller < 8; caller++) {
        leases.add(
            callers.submit(
                () -> {
                  start.await();
                  return cache.acquire("iris-v1", artifact);
                }));
      }
      start.countDown();

      OrtSession first = leases.get(0).get().session();
      for (Future<ModelSession> lease : leases) {
        assertThat(lease.get().session()).isSameAs(first);
        lease.get().close();
      }
      assertThat(loads.get()).isEqualTo(1);
      assertThat(cache.contains("iris-v1")).isTrue();
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void releaseClosesTheSessionOnlyWhenTheLastLeaseIsReturned() throws Exception {
    try (ModelSessionCache cache = new ModelSessionCache(SessionSettings.defaults())) {
      ModelSession lease = cache.acquire("iris-v1", countingArtifact("skl_randomforest_iris"));
      OrtSession session = lease.session();

      cache.release("iris-v1");
      assertThat(cache.contains("iris-v1")).isFalse();
      assertThat(session.getInputInfo()).containsOnlyKeys("X");

      lease.close();
      lease.close();
      assertThatThrownBy(session::getInputInfo).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(lease::session).hasMessage("The lease on model version iris-v1 is closed");
    }
  }

  @Test
  void acquireAfterReleaseLoadsAgain() throws Exception {
    Supplier<byte[]> artifact = countingArtifact("skl_randomforest_iris");
    try (ModelSessionCache cache = new ModelSessionCache(new SessionSettings(2))) {
      cache.acquire("iris-v1", artifact).close();
      cache.acquire("iris-v1", artifact).close();
      assertThat(loads.get()).isEqualTo(1);

      cache.release("iris-v1");
      try (ModelSession lease = cache.acquire("iris-v1", artifact)) {
        assertThat(lease.session().getInputInfo()).containsOnlyKeys("X");
      }
      assertThat(loads.get()).isEqualTo(2);
    }
  }

  @Test
  void failedLoadIsNotCachedAndNamesTheVersion() {
    Supplier<byte[]> corrupt =
        () -> {
          loads.incrementAndGet();
          return new byte[] {1, 2, 3, 4};
        };
    try (ModelSessionCache cache = new ModelSessionCache(SessionSettings.defaults())) {
      for (int attempt = 1; attempt <= 2; attempt++) {
        assertThatThrownBy(() -> cache.acquire("broken-v1", corrupt))
            .isInstanceOf(InvalidModelException.class)
            .hasMessageStartingWith("Model version broken-v1 is not a loadable ONNX model: ")
            .hasMessageContaining("ORT_INVALID_PROTOBUF");
        assertThat(loads.get()).isEqualTo(attempt);
      }
      assertThat(cache.contains("broken-v1")).isFalse();
    }
  }

  @Test
  void refusesInvalidSettings() {
    assertThatThrownBy(() -> new SessionSettings(0))
        .hasMessage("intraOpThreads is 0; it must be at least 1");
  }

  private Supplier<byte[]> countingArtifact(String model) {
    byte[] bytes = SharedModels.modelBytes(model);
    return () -> {
      loads.incrementAndGet();
      return bytes;
    };
  }
}
