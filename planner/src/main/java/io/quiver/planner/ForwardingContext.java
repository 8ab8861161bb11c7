package io.quiver.planner;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.tools.RelRunner;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A prepare context that answers with a fresh snapshot of the root schema. */
final class ForwardingContext implements CalcitePrepare.Context {
  private final CalcitePrepare.Context delegate;
  private final CalciteSchema rootSchema;

  ForwardingContext(CalcitePrepare.Context delegate, CalciteSchema rootSchema) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    this.rootSchema = requireNonNull(rootSchema, "rootSchema is null");
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return delegate.getTypeFactory();
  }

  @Override
  public CalciteSchema getRootSchema() {
    return rootSchema;
  }

  @Override
  public CalciteSchema getMutableRootSchema() {
    return delegate.getMutableRootSchema();
  }

  @Override
  public List<String> getDefaultSchemaPath() {
    return delegate.getDefaultSchemaPath();
  }

  @Override
  public CalciteConnectionConfig config() {
    return delegate.config();
  }

  @Override
  public CalcitePrepare.SparkHandler spark() {
    return delegate.spark();
  }

  @Override
  public DataContext getDataContext() {
    return delegate.getDataContext();
  }

  @Override
  public @Nullable List<String> getObjectPath() {
    return delegate.getObjectPath();
  }

  @Override
  public RelRunner getRelRunner() {
    return delegate.getRelRunner();
  }
}
