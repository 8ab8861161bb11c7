package io.quiver.jdbc;

import io.quiver.catalog.Store;
import io.quiver.planner.QuiverEngine;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The stores open in this process, shared by every connection to the same location and closed when
 * the last of them closes, so that another process may then open the folder.
 */
final class StoreRegistry {
  private static final Map<String, Store> BY_LOCATION = new HashMap<>();
  private static final Map<Store, Integer> USERS = new IdentityHashMap<>();

  private StoreRegistry() {}

  /**
   * The store at a location, opened if no connection holds it yet.
   *
   * @param administratorPassword the administrator's password if the store is created; null to take
   *     it from the environment or generate one
   */
  static synchronized Store acquire(StoreLocation location, String administratorPassword) {
    String key = location.sharingKey();
    Store store = key == null ? null : BY_LOCATION.get(key);
    if (store == null) {
      store = open(location, administratorPassword);
      if (key != null) {
        BY_LOCATION.put(key, store);
      }
    }
    USERS.merge(store, 1, Integer::sum);
    return store;
  }

  /** Whether this process holds the store at a location open. */
  static synchronized boolean isOpen(StoreLocation location) {
    String key = location.sharingKey();
    return key != null && BY_LOCATION.containsKey(key);
  }

  static synchronized void release(Store store) {
    int users = USERS.merge(store, -1, Integer::sum);
    if (users > 0) {
      return;
    }
    USERS.remove(store);
    BY_LOCATION.values().remove(store);
    QuiverEngine.release(store);
    store.close();
  }

  private static Store open(StoreLocation location, String administratorPassword) {
    if (location.kind() == StoreLocation.Kind.MEMORY) {
      return Store.openInMemory(administratorPassword);
    }
    return Store.openFolder(Path.of(location.value()), administratorPassword);
  }
}
