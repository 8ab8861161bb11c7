package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;

/**
 * One privilege granted to a role, as SHOW GRANTS lists it.
 *
 * @param privilege the privilege, or {@code USAGE} for a role granted to a role
 * @param objectKind the kind of object: DATABASE, SCHEMA, TABLE, MODEL or ROLE
 * @param objectName the object's full name
 * @param role the role that holds the privilege
 * @param grantedBy the user who granted it
 */
public record GrantInfo(
    OffsetDateTime createdOn,
    String privilege,
    String objectKind,
    String objectName,
    String role,
    String grantedBy) {
  public GrantInfo {
    requireNonNull(createdOn, "createdOn is null");
    requireNonNull(privilege, "privilege is null");
    requireNonNull(objectKind, "objectKind is null");
    requireNonNull(objectName, "objectName is null");
    requireNonNull(role, "role is null");
    requireNonNull(grantedBy, "grantedBy is null");
  }
}
