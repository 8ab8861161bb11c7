package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A version to add to a model.
 *
 * @param name the version's name; null to generate one such as {@code CLEVER_OTTER_3}
 * @param source where its content comes from
 * @param comment the version's comment, or null
 * @param metadata the METADATA JSON object as text; null for {@code {}}, or, for a copy, for the
 *     source version's metadata
 */
public record NewVersion(
    @Nullable String name,
    VersionSource source,
    @Nullable String comment,
    @Nullable String metadata) {
  public NewVersion {
    requireNonNull(source, "source is null");
  }

  public static NewVersion of(@Nullable String name, VersionSource source) {
    return new NewVersion(name, source, null, null);
  }
}
