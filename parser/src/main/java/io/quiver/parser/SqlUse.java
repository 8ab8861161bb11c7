package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code USE [DATABASE | SCHEMA] name}: changes the session's current database or schema. */
public final class SqlUse extends QuiverCommand {
  /** What the statement names. */
  public enum Target {
    DATABASE,
    SCHEMA,
    /** {@code USE name}: a database, or {@code USE db.schema}: a schema. */
    SCHEMA_OR_DATABASE
  }

  private final Target target;
  private final SqlIdentifier name;

  public SqlUse(SqlParserPos pos, Target target, SqlIdentifier name) {
    super(pos, "USE", SqlKind.OTHER);
    this.target = requireNonNull(target, "target is null");
    this.name = requireNonNull(name, "name is null");
  }

  public Target target() {
    return target;
  }

  public SqlIdentifier name() {
    return name;
  }

  @Override
  public boolean isDdl() {
    return true;
  }

  @Override
  protected List<@Nullable SqlNode> operands() {
    return List.of(name);
  }
}
