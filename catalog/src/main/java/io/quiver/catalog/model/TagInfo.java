package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.ObjectName;
import java.time.OffsetDateTime;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A tag: a schema object whose values are set on models.
 *
 * @param allowedValues the values the tag may take; empty when any value is allowed
 */
public record TagInfo(
    long id,
    ObjectName name,
    @Nullable String comment,
    List<String> allowedValues,
    OffsetDateTime createdOn) {
  public TagInfo {
    requireNonNull(name, "name is null");
    allowedValues = List.copyOf(allowedValues);
    requireNonNull(createdOn, "createdOn is null");
  }
}
