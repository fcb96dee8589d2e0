package dev.vigil.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.rules.Location;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every key and value in a YAML file, by JSON pointer ({@code /channels/ntfy/url}).
 * Jackson's tree has no locations, so the file is read once more as a token stream.
 */
final class YamlLocations {
  private final Path file;
  private final Map<String, Location> byPointer;

  private YamlLocations(Path file, Map<String, Location> byPointer) {
    this.file = file != null ? file : Path.of("policy.yaml");
    this.byPointer = byPointer;
  }

  static YamlLocations read(Path file) {
    Map<String, Location> at = new HashMap<>();
    if (file != null && Files.isReadable(file)) {
      try (Reader r = Files.newBufferedReader(file);
          JsonParser p = new YAMLFactory().createParser(r)) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) continue;
          String pointer = p.getParsingContext().pathAsPointer().toString();
          if (t == JsonToken.FIELD_NAME || t.isStructStart() || t.isScalarValue()) {
            JsonLocation l = p.currentTokenLocation();
            at.putIfAbsent(pointer, new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr())));
          }
        }
      } catch (IOException | RuntimeException e) {
        // The rules loader reports syntax errors; here we only lose precision.
      }
    }
    return new YamlLocations(file, at);
  }

  /** The location of the pointer, or of its nearest written parent, or line 1. */
  Location of(String pointer) {
    String p = pointer;
    while (true) {
      Location l = byPointer.get(p);
      if (l != null) return l;
      int slash = p.lastIndexOf('/');
      if (slash <= 0) break;
      p = p.substring(0, slash);
    }
    Location root = byPointer.get(p);
    return root != null ? root : new Location(file, 1, 1);
  }
}
