package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.ObjectName;
import java.nio.file.Path;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Where the content of a new model version comes from. */
public sealed interface VersionSource {
  /** An ONNX file the server reads. */
  record File(Path path) implements VersionSource {
    public File {
      requireNonNull(path, "path is null");
    }
  }

  /**
   * The bytes of an ONNX file.
   *
   * @param origin how errors name the bytes, such as "bound to parameter 1"
   */
  record Bytes(byte[] content, String origin) implements VersionSource {
    public Bytes {
      requireNonNull(content, "content is null");
      requireNonNull(origin, "origin is null");
    }
  }

  /**
   * A version of a model, whose files the new version shares.
   *
   * @param version a version name or alias; null for the default version
   */
  record Copy(ObjectName model, @Nullable String version) implements VersionSource {
    public Copy {
      requireNonNull(model, "model is null");
    }
  }
}
