package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import io.quiver.runtime.signature.MethodSignature;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A version of a model.
 *
 * @param id the version's key in the catalog; higher for versions created later
 * @param name the version's name
 * @param alias the user alias, or null
 * @param comment the comment, or null
 * @param metadata the METADATA JSON object as text, {@code {}} when empty
 * @param methods the methods with their signatures
 * @param files the version's files, by path
 */
public record ModelVersionInfo(
    long id,
    String name,
    @Nullable String alias,
    @Nullable String comment,
    String metadata,
    OffsetDateTime createdOn,
    OffsetDateTime lastAltered,
    List<MethodSignature> methods,
    List<ArtifactFile> files) {
  public ModelVersionInfo {
    requireNonNull(name, "name is null");
    requireNonNull(metadata, "metadata is null");
    requireNonNull(createdOn, "createdOn is null");
    requireNonNull(lastAltered, "lastAltered is null");
    methods = List.copyOf(methods);
    files = List.copyOf(files);
  }

  public List<String> methodNames() {
    return methods.stream().map(MethodSignature::method).toList();
  }

  public Optional<MethodSignature> method(String name) {
    return methods.stream().filter(method -> method.method().equals(name)).findFirst();
  }

  public Optional<ArtifactFile> file(String path) {
    return files.stream().filter(file -> file.path().equals(path)).findFirst();
  }

  /** The ONNX model file, which every version has. */
  public ArtifactFile modelFile() {
    return file(ArtifactFile.MODEL_FILE)
        .orElseThrow(() -> new IllegalStateException("Version " + name + " has no model file"));
  }

  /** The size of all the version's files, in bytes. */
  public long size() {
    return files.stream().mapToLong(ArtifactFile::size).sum();
  }
}
