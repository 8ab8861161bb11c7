package io.quiver.jdbc;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a {@code jdbc:quiver:} URL points: a data folder, a private in-memory store ({@code mem:}),
 * an in-memory store shared by name within the process ({@code mem:NAME}), or a server ({@code
 * remote:url=http://host:port}). Properties may follow the location after {@code ;}.
 */
record StoreLocation(Kind kind, String value, Properties properties) {
  /** The kinds of location. */
  enum Kind {
    FOLDER,
    MEMORY,
    REMOTE
  }

  static final String PREFIX = "jdbc:quiver:";

  StoreLocation {
    requireNonNull(kind, "kind is null");
    requireNonNull(value, "value is null");
    requireNonNull(properties, "properties is null");
  }

  static StoreLocation parse(String url) {
    if (!url.startsWith(PREFIX)) {
      throw new IllegalArgumentException("Not a Quiver URL: " + url + "; they start " + PREFIX);
    }
    String rest = url.substring(PREFIX.length());
    if (rest.startsWith("remote:")) {
      return new StoreLocation(Kind.REMOTE, rest.substring("remote:".length()), new Properties());
    }
    String[] parts = rest.split(";");
    Properties properties = new Properties();
    for (int i = 1; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      if (equals > 0) {
        properties.setProperty(parts[i].substring(0, equals), parts[i].substring(equals + 1));
      }
    }
    String location = parts.length == 0 ? "" : parts[0];
    if (location.startsWith("mem:")) {
      return new StoreLocation(Kind.MEMORY, location.substring("mem:".length()), properties);
    }
    if (location.isEmpty()) {
      throw new IllegalArgumentException(
          "The URL "
              + url
              + " names no store; write jdbc:quiver:<data folder>,"
              + " jdbc:quiver:mem: or jdbc:quiver:remote:url=http://host:port");
    }
    String folder = Path.of(location).toAbsolutePath().normalize().toString();
    return new StoreLocation(Kind.FOLDER, folder, properties);
  }

  /** The location of the store in a data folder. */
  static StoreLocation folder(Path folder) {
    String path = folder.toAbsolutePath().normalize().toString();
    return new StoreLocation(Kind.FOLDER, path, new Properties());
  }

  /** How errors name the store: its folder, or "an in-memory store". */
  String describe() {
    return switch (kind) {
      case FOLDER -> "the store in " + value;
      case MEMORY -> "an in-memory store";
      case REMOTE -> "the server at " + value;
    };
  }

  /** The key under which the store registry shares this store; null for a private one. */
  String sharingKey() {
    if (kind == Kind.MEMORY && value.isEmpty()) {
      return null;
    }
    return kind + ":" + value;
  }
}
