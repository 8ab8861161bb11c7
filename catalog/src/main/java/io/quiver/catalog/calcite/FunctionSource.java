package io.quiver.catalog.calcite;

import com.google.common.collect.Multimap;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Store;
import org.apache.calcite.schema.Function;

/** The functions a schema publishes besides its tables: its models' methods. */
@FunctionalInterface
public interface FunctionSource {
  /** A schema with no functions. */
  FunctionSource NONE = (store, schema) -> com.google.common.collect.ImmutableMultimap.of();

  /** The functions of a schema, by name. */
  Multimap<String, Function> functions(Store store, SchemaInfo schema);
}
