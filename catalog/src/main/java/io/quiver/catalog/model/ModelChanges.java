package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Changes to a model's properties, applied together in one statement.
 *
 * @param changesComment whether the comment changes
 * @param comment the new comment; null removes it
 * @param defaultVersion the version or alias that becomes the default, or null to keep it
 */
public record ModelChanges(
    boolean changesComment, @Nullable String comment, @Nullable String defaultVersion) {
  public static ModelChanges none() {
    return new ModelChanges(false, null, null);
  }

  public ModelChanges withComment(@Nullable String newComment) {
    return new ModelChanges(true, newComment, defaultVersion);
  }

  public ModelChanges withDefaultVersion(String version) {
    return new ModelChanges(changesComment, comment, requireNonNull(version, "version is null"));
  }

  public boolean isEmpty() {
    return !changesComment && defaultVersion == null;
  }
}
