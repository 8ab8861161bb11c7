package io.quiver.catalog.model;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Changes to a version's comment and metadata, applied together in one statement.
 *
 * @param changesComment whether the comment changes
 * @param comment the new comment; null removes it
 * @param changesMetadata whether the metadata changes
 * @param metadata the new METADATA JSON object as text; null empties it
 */
public record VersionChanges(
    boolean changesComment,
    @Nullable String comment,
    boolean changesMetadata,
    @Nullable String metadata) {
  public static VersionChanges none() {
    return new VersionChanges(false, null, false, null);
  }

  public VersionChanges withComment(@Nullable String newComment) {
    return new VersionChanges(true, newComment, changesMetadata, metadata);
  }

  public VersionChanges withMetadata(@Nullable String newMetadata) {
    return new VersionChanges(changesComment, comment, true, newMetadata);
  }

  public boolean isEmpty() {
    return !changesComment && !changesMetadata;
  }
}
