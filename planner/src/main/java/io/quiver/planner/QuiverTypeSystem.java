package io.quiver.planner;

import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;

/**
 * Calcite's type system with Snowflake's string semantics: CASE and UNION over strings of different
 * lengths give VARCHAR, so {@code CASE ... THEN 'a' ELSE 'bcd' END} is never padded.
 */
public final class QuiverTypeSystem extends RelDataTypeSystemImpl {
  /** The instance the driver names in its connection properties. */
  public static final RelDataTypeSystem INSTANCE = new QuiverTypeSystem();

  private QuiverTypeSystem() {}

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
