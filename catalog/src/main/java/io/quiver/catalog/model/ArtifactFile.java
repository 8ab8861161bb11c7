package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;

/**
 * A file of a model version, as LIST shows it.
 *
 * @param path the file's name within the version, such as {@code model.onnx}
 * @param checksum the SHA-256 of the content, hex encoded; the file's name in the artifact folder
 * @param size the size in bytes
 * @param md5 the MD5 of the content, hex encoded
 * @param createdOn when the content was first stored
 */
public record ArtifactFile(
    String path, String checksum, long size, String md5, OffsetDateTime createdOn) {
  /** The model file of every version. */
  public static final String MODEL_FILE = "model.onnx";

  /** The manifest of every version: its methods and their signatures. */
  public static final String MANIFEST_FILE = "manifest.json";

  public ArtifactFile {
    requireNonNull(path, "path is null");
    requireNonNull(checksum, "checksum is null");
    requireNonNull(md5, "md5 is null");
    requireNonNull(createdOn, "createdOn is null");
  }
}
