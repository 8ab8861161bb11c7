package io.quiver.catalog;

import static java.util.Objects.requireNonNull;

/**
 * An error in what a user asked for, with its category. Its message names the object and says what
 * is allowed; it carries no stack trace worth showing to the user.
 */
public final class QuiverException extends RuntimeException {
  /** What kind of mistake the user made. */
  public enum Category {
    NOT_FOUND("42S02"),
    ALREADY_EXISTS("42S01"),
    INVALID_ARGUMENT("22023"),
    LIMIT_EXCEEDED("54000"),
    PRIVILEGE("42501"),
    IN_USE("55006");

    private final String sqlState;

    Category(String sqlState) {
      this.sqlState = sqlState;
    }

    /** The SQLSTATE a JDBC client sees. */
    public String sqlState() {
      return sqlState;
    }
  }

  private final Category category;

  public QuiverException(Category category, String message) {
    super(message, null, false, false);
    this.category = requireNonNull(category, "category is null");
  }

  public QuiverException(Category category, String message, Throwable cause) {
    super(message, cause, false, false);
    this.category = requireNonNull(category, "category is null");
  }

  public Category category() {
    return category;
  }

  public static QuiverException notFound(String message) {
    return new QuiverException(Category.NOT_FOUND, message);
  }

  public static QuiverException alreadyExists(String message) {
    return new QuiverException(Category.ALREADY_EXISTS, message);
  }

  public static QuiverException invalid(String message) {
    return new QuiverException(Category.INVALID_ARGUMENT, message);
  }

  public static QuiverException limit(String message) {
    return new QuiverException(Category.LIMIT_EXCEEDED, message);
  }
}
