package dev.vigil.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * {@code policy.yaml} as read from the rules folder: the time zone and overnight window are validated here;
 * the full document (with its source file) is kept for the policy package to read the rest.
 *
 * @param overnight the raw window, e.g. {@code "22:00-08:00"}, validated as HH:MM-HH:MM
 * @param document the parsed YAML of policy.yaml, or null when there is none
 */
public record PolicySpec(ZoneId timezone, String overnight, JsonNode document, Path file) {
  public static PolicySpec defaults() {
    return new PolicySpec(ZoneId.systemDefault(), "22:00-08:00", null, null);
  }
}
