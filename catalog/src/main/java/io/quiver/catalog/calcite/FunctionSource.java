package io.quiver.catalog.calcite;

import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Store;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.calcite.schema.Function;

/** The functions a schema publishes besides its tables: its models' methods. */
public interface FunctionSource {
  /** A schema with no functions. */
  FunctionSource NONE =
      new FunctionSource() {
        @Override
        public Set<String> functionNames(Store store, SchemaInfo schema) {
          return Set.of();
        }

        @Override
        public Collection<Function> functions(Store store, SchemaInfo schema, String name) {
          return List.of();
        }
      };

  /** The names of a schema's functions. */
  Set<String> functionNames(Store store, SchemaInfo schema);

  /** The overloads of one function of a schema; empty when it has none by that name. */
  Collection<Function> functions(Store store, SchemaInfo schema, String name);
}
