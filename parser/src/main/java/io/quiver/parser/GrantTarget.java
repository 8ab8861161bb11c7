package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlIdentifier;

/**
 * What a GRANT or REVOKE of privileges is about: {@code ON MODEL m}, {@code ON ALL MODELS IN SCHEMA
 * s} or {@code ON FUTURE MODELS IN SCHEMA s}, and likewise for the other kinds of object.
 *
 * @param kind the kind of the objects
 * @param scope one object, or the objects of a schema
 * @param name the object's name, or the schema's for a scope of objects in a schema
 */
public record GrantTarget(ObjectKind kind, Scope scope, SqlIdentifier name) {
  /** Which objects the privileges apply to. */
  public enum Scope {
    /** The object named. */
    OBJECT,
    /** Every object of the kind that the schema holds now. */
    ALL_IN_SCHEMA,
    /** Every object of the kind that the schema will hold, as it is created. */
    FUTURE_IN_SCHEMA
  }

  public GrantTarget {
    requireNonNull(kind, "kind is null");
    requireNonNull(scope, "scope is null");
    requireNonNull(name, "name is null");
  }

  /** How a user writes the target: {@code MODEL QUIVER.PUBLIC.M}, {@code FUTURE MODELS IN ...}. */
  public String describe() {
    return switch (scope) {
      case OBJECT -> kind + " " + name;
      case ALL_IN_SCHEMA -> "ALL " + kind + "S IN SCHEMA " + name;
      case FUTURE_IN_SCHEMA -> "FUTURE " + kind + "S IN SCHEMA " + name;
    };
  }
}
