package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A user of the catalog, without the hash of its password. */
public record UserInfo(
    long id, String name, @Nullable String defaultRole, OffsetDateTime createdOn) {
  public UserInfo {
    requireNonNull(name, "name is null");
    requireNonNull(createdOn, "createdOn is null");
  }
}
