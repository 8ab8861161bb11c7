package io.quiver.catalog;

import java.time.OffsetDateTime;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A database of the catalog. */
public record DatabaseInfo(
    long id, String name, @Nullable String comment, OffsetDateTime createdOn) {}
