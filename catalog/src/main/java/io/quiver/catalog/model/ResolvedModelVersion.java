package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.runtime.signature.MethodSignature;
import java.nio.file.Path;
import java.util.List;

/**
 * A model version ready to run: what a call of {@code MODEL(m, v)!method(...)} needs.
 *
 * @param model the model's full name
 * @param version the version's name (never an alias)
 * @param methods the version's methods with their signatures
 * @param checksum the SHA-256 of the ONNX file; versions with the same file share it, so it keys a
 *     cache of loaded sessions
 * @param artifact the ONNX file
 */
public record ResolvedModelVersion(
    ObjectName model,
    String version,
    List<MethodSignature> methods,
    String checksum,
    Path artifact) {
  public ResolvedModelVersion {
    requireNonNull(model, "model is null");
    requireNonNull(version, "version is null");
    methods = List.copyOf(methods);
    requireNonNull(checksum, "checksum is null");
    requireNonNull(artifact, "artifact is null");
  }

  /** The signature of a method, or an error listing the version's methods. */
  public MethodSignature method(String name) {
    return methods.stream()
        .filter(method -> method.method().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                QuiverException.notFound(
                    "Version "
                        + ObjectName.quote(version)
                        + " of model "
                        + model
                        + " has no method "
                        + ObjectName.quote(name)
                        + "; its methods are "
                        + ModelErrors.list(
                            methods.stream().map(MethodSignature::method).toList())));
  }
}
