package io.quiver.tests.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The C library locales of this host, which ONNX Runtime's StringNormalizer needs: those {@code
 * locale -a} lists, and those compiled into the folders of the LOCPATH environment variable, which
 * the C library searches first.
 */
final class HostLocales {
  private static final List<String> ENGLISH_UNITED_STATES_UTF8 =
      List.of("en_US.UTF-8", "en_US.utf8");

  private HostLocales() {}

  static boolean hasEnglishUnitedStatesUtf8() {
    return listed().anyMatch(HostLocales::isEnglishUnitedStatesUtf8)
        || inLocalePath().anyMatch(HostLocales::isEnglishUnitedStatesUtf8);
  }

  private static boolean isEnglishUnitedStatesUtf8(String locale) {
    return ENGLISH_UNITED_STATES_UTF8.stream().anyMatch(locale.trim()::equalsIgnoreCase);
  }

  private static Stream<String> listed() {
    try {
      Process locales = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
      String listed = new String(locales.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      locales.waitFor();
      return listed.lines();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the locales of this host with locale -a", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while listing the locales of this host", e);
    }
  }

  private static Stream<String> inLocalePath() {
    String path = System.getenv().getOrDefault("LOCPATH", "");
    return Stream.of(path.split(":"))
        .filter(folder -> !folder.isEmpty())
        .flatMap(folder -> ENGLISH_UNITED_STATES_UTF8.stream().map(Path.of(folder)::resolve))
        .filter(Files::isDirectory)
        .map(folder -> folder.getFileName().toString());
  }
}
