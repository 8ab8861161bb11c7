package io.quiver.planner;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.model.ResolvedModelVersion;
import io.quiver.runtime.signature.ArgumentLayout;
import io.quiver.runtime.signature.MethodSignature;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model call targets that prepared statements refer to by key. Generated code cannot hold
 * objects, so a statement's code names its target by a key string and looks it up here.
 */
final class ModelCallTargets {
  private static final Map<String, ModelCallTarget> TARGETS = new ConcurrentHashMap<>();

  private ModelCallTargets() {}

  static ModelCallTarget register(
      ResolvedModelVersion version, MethodSignature method, ArgumentLayout layout) {
    int argumentCount = layout.arguments().size();
    String key =
        version.model()
            + "@"
            + ObjectName.quote(version.version())
            + "!"
            + method.method()
            + "/"
            + argumentCount
            + "/"
            + version.checksum();
    return TARGETS.computeIfAbsent(
        key,
        k ->
            new ModelCallTarget(
                k,
                display(version, method),
                version.model().toString(),
                version.version(),
                version.checksum(),
                version.artifact(),
                method,
                argumentCount));
  }

  private static String display(ResolvedModelVersion version, MethodSignature method) {
    return "MODEL("
        + version.model()
        + ", "
        + ObjectName.quote(version.version())
        + ")!"
        + method.method();
  }

  static ModelCallTarget get(String key) {
    ModelCallTarget target = TARGETS.get(key);
    if (target == null) {
      throw QuiverException.notFound(
          "The model version this statement calls is no longer loaded; prepare it again");
    }
    return target;
  }
}
