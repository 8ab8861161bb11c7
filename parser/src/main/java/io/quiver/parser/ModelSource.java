package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a new model version comes from: a file the server reads ({@code FROM 'path'}), the bytes of
 * a file bound to a parameter ({@code FROM ?}), or another model's version ({@code FROM MODEL m
 * [VERSION v]}).
 */
public final class ModelSource {
  private final @Nullable SqlNode file;
  private final @Nullable SqlIdentifier model;
  private final @Nullable SqlIdentifier version;

  private ModelSource(
      @Nullable SqlNode file, @Nullable SqlIdentifier model, @Nullable SqlIdentifier version) {
    this.file = file;
    this.model = model;
    this.version = version;
  }

  /** A file: a path literal or a dynamic parameter carrying the file's bytes. */
  public static ModelSource file(SqlNode location) {
    return new ModelSource(requireNonNull(location, "location is null"), null, null);
  }

  /** A version of another model; the default version when {@code version} is null. */
  public static ModelSource model(SqlIdentifier model, @Nullable SqlIdentifier version) {
    return new ModelSource(null, requireNonNull(model, "model is null"), version);
  }

  public boolean isModel() {
    return model != null;
  }

  /** Whether the file's bytes come from a parameter. */
  public boolean isParameter() {
    return file instanceof SqlDynamicParam;
  }

  /** The zero-based index of the parameter carrying the bytes. */
  public int parameterIndex() {
    return ((SqlDynamicParam) requireNonNull(file, "file")).getIndex();
  }

  /** The path as written. */
  public String path() {
    return SqlProperty.textOf(requireNonNull(file, "file"));
  }

  public SqlIdentifier model() {
    return requireNonNull(model, "model");
  }

  public @Nullable SqlIdentifier version() {
    return version;
  }

  /** The node that stands for the source in the statement, for positions in errors. */
  public SqlNode node() {
    return file != null ? file : requireNonNull(model, "model");
  }
}
