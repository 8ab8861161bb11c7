package io.quiver.catalog.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The METADATA of a version: a JSON object of at most 100 KB. Metrics live in it under {@value
 * #METRICS}, as an object from metric name to a scalar, an object or a matrix.
 */
final class VersionMetadata {
  static final String EMPTY = "{}";
  static final String METRICS = "metrics";

  private VersionMetadata() {}

  /** The metadata in compact form, or an error saying what is wrong with it. */
  static String normalize(@Nullable String text) {
    if (text == null) {
      return EMPTY;
    }
    JsonNode metadata = parse(text);
    if (!metadata.isObject()) {
      throw ModelErrors.invalid(
          "METADATA must be a JSON object such as '{\"metrics\": {\"accuracy\": 0.9}}'; "
              + describe(metadata)
              + " was given");
    }
    checkMetrics(metadata.get(METRICS));
    String normalized = Json.write(metadata);
    checkSize(normalized);
    return normalized;
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode node = Json.MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw ModelErrors.invalid("METADATA is empty; give a JSON object such as '{}'");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ModelErrors.invalid("METADATA is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static void checkMetrics(@Nullable JsonNode metrics) {
    if (metrics != null && !metrics.isObject()) {
      throw ModelErrors.invalid(
          "METADATA's \""
              + METRICS
              + "\" must be a JSON object from metric name to value, such as"
              + " {\"accuracy\": 0.9, \"confusion_matrix\": [[5, 1], [0, 4]]}; "
              + describe(metrics)
              + " was given");
    }
  }

  private static void checkSize(String metadata) {
    int bytes = metadata.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > ModelLimits.MAX_METADATA_BYTES) {
      throw ModelErrors.limit(
          "METADATA has "
              + bytes
              + " bytes; the limit is "
              + ModelLimits.MAX_METADATA_BYTES
              + " bytes (100 KB) of metadata, metrics included, per version");
    }
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
