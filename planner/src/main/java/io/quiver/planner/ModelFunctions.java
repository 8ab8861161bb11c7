package io.quiver.planner;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Store;
import io.quiver.catalog.calcite.FunctionSource;
import io.quiver.catalog.model.ResolvedModelVersion;
import io.quiver.parser.ModelFunctionName;
import io.quiver.runtime.signature.ArgumentLayout;
import io.quiver.runtime.signature.MethodSignature;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.schema.Function;

/**
 * Publishes each schema's model methods as functions named by {@link ModelFunctionName}: each
 * overload twice, as a scalar function returning a ROW and as a table function for {@code
 * TABLE(...)}. Calcite looks up only the kind a call asks for.
 */
final class ModelFunctions implements FunctionSource {
  /** The most arguments a method takes; a call of an input of symbolic width may pass this many. */
  private static final int MAX_ARGUMENTS = 500;

  @Override
  public Set<String> functionNames(Store store, SchemaInfo schema) {
    Set<String> names = new LinkedHashSet<>();
    for (ModelFunctionName name : store.models().functionNames(schema)) {
      names.add(name.encode());
    }
    return names;
  }

  @Override
  public Collection<Function> functions(Store store, SchemaInfo schema, String name) {
    Optional<ModelFunctionName> parts = ModelFunctionName.decode(name);
    if (parts.isEmpty()) {
      return List.of();
    }
    ObjectName model = new ObjectName(schema.database(), schema.name(), parts.get().model());
    ResolvedModelVersion version;
    MethodSignature method;
    try {
      version = store.models().resolve(model, parts.get().version());
      method = version.method(parts.get().method());
    } catch (QuiverException e) {
      return List.of();
    }
    List<Function> overloads = new ArrayList<>();
    for (ArgumentLayout layout : layouts(method)) {
      ModelFunction scalar = new ModelFunction(version, method, layout);
      overloads.add(scalar);
      overloads.add(new ModelTableFunction(scalar));
    }
    return overloads;
  }

  /**
   * One overload per way of calling the method. A single input of symbolic width, [N,?], takes an
   * array or any number of scalars from two up, so it gets an overload for each count.
   */
  private static List<ArgumentLayout> layouts(MethodSignature method) {
    List<ArgumentLayout> layouts = new ArrayList<>(ArgumentLayout.accepted(method));
    boolean symbolicWidth =
        method.inputs().size() == 1 && method.inputs().get(0).valuesPerRow() == -1;
    if (symbolicWidth) {
      for (int count = 2; count <= MAX_ARGUMENTS; count++) {
        layouts.add(ArgumentLayout.forArgumentCount(method, count));
      }
    }
    return layouts;
  }
}
