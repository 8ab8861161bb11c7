package io.quiver.catalog.model;

/** What CREATE does when the object already exists. */
public enum CreateMode {
  /** Fails: {@code CREATE}. */
  FAIL_IF_EXISTS,
  /** Replaces it in the same transaction: {@code CREATE OR REPLACE}. */
  REPLACE,
  /** Keeps it and does nothing: {@code CREATE ... IF NOT EXISTS}. */
  KEEP_EXISTING
}
