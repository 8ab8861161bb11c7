package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A role of the catalog. */
public record RoleInfo(long id, String name, @Nullable String comment, OffsetDateTime createdOn) {
  public RoleInfo {
    requireNonNull(name, "name is null");
    requireNonNull(createdOn, "createdOn is null");
  }
}
