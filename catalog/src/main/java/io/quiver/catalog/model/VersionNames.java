package io.quiver.catalog.model;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates version names for versions logged without one, as Snowflake's client does: an
 * adjective, an animal and a number, upper-cased, such as {@code CLEVER_OTTER_3}.
 */
final class VersionNames {
  private static final List<String> ADJECTIVES =
      List.of(
          "agile", "bold", "brave", "bright", "calm", "clever", "cool", "crisp", "curious",
          "daring", "eager", "fancy", "fast", "fierce", "gentle", "glad", "grand", "happy",
          "honest", "jolly", "keen", "kind", "lively", "lucky", "merry", "mighty", "neat", "nimble",
          "noble", "proud", "quick", "quiet", "rapid", "shiny", "silent", "smart", "steady",
          "swift", "tidy", "wise");
  private static final List<String> ANIMALS =
      List.of(
          "badger", "bear", "beaver", "bison", "camel", "cat", "cheetah", "crane", "deer",
          "dolphin", "eagle", "falcon", "ferret", "fox", "gecko", "goat", "hare", "hawk", "heron",
          "ibis", "jaguar", "koala", "lemur", "lion", "llama", "lynx", "moose", "otter", "owl",
          "panda", "parrot", "puffin", "rabbit", "raven", "seal", "swan", "tiger", "walrus", "wolf",
          "yak");
  private static final int MAX_NUMBER = 9;
  private static final int ATTEMPTS = 1000;

  private VersionNames() {}

  /** A generated name that is none of the names taken (versions and aliases of the model). */
  static String generate(Set<String> taken, Random random) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String name = candidate(random);
      if (!taken.contains(name)) {
        return name;
      }
    }
    throw ModelErrors.invalid(
        "Cannot generate a version name that is not taken after "
            + ATTEMPTS
            + " attempts; give the version a name with WITH VERSION or ADD VERSION <name>");
  }

  private static String candidate(Random random) {
    String adjective = ADJECTIVES.get(random.nextInt(ADJECTIVES.size()));
    String animal = ANIMALS.get(random.nextInt(ANIMALS.size()));
    int number = 1 + random.nextInt(MAX_NUMBER);
    return (adjective + "_" + animal + "_" + number).toUpperCase(Locale.ROOT);
  }
}
