package io.quiver.catalog.command;

import java.util.Locale;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A SHOW statement's LIKE pattern: case-insensitive, with {@code %} and {@code _} wildcards. */
public final class LikePattern {
  private final @Nullable Pattern pattern;

  private LikePattern(@Nullable Pattern pattern) {
    this.pattern = pattern;
  }

  /** The pattern for a LIKE clause's text; null matches every name. */
  public static LikePattern of(@Nullable String like) {
    if (like == null) {
      return new LikePattern(null);
    }
    StringBuilder regex = new StringBuilder();
    for (char c : like.toCharArray()) {
      if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new LikePattern(
        Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
  }

  public boolean matches(String name) {
    return pattern == null
        || pattern.matcher(name.toUpperCase(Locale.ROOT)).matches()
        || pattern.matcher(name).matches();
  }
}
