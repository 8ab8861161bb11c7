package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * Who a session acts for: a user whose password was checked, and the role the session starts with.
 * Only {@link Security} makes identities, after a login or for the store's administrator, so that
 * holding one means a login succeeded.
 */
public final class Identity {
  private final String user;
  private final String role;

  Identity(String user, String role) {
    this.user = requireNonNull(user, "user is null");
    this.role = requireNonNull(role, "role is null");
  }

  /** The user's name. */
  public String user() {
    return user;
  }

  /**
   * The role the session starts with: the user's default role when it is granted to the user, else
   * PUBLIC.
   */
  public String role() {
    return role;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Identity identity
        && identity.user.equals(user)
        && identity.role.equals(role);
  }

  @Override
  public int hashCode() {
    return Objects.hash(user, role);
  }

  @Override
  public String toString() {
    return "Identity(" + user + ", " + role + ")";
  }
}
