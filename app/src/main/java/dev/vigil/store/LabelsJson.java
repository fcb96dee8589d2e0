package dev.vigil.store;

import dev.vigil.config.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Labels as the JSON kept in {@code alerts.labels} (keys sorted), both ways, remembering recent conversions:
 * a monitor's labels are the same on every one of its alerts, so a storm or a reload of thousands of open alerts
 * converts each distinct set once instead of once a row.
 */
final class LabelsJson {
  static final int REMEMBERED = 8192;

  private static final ObjectMapper JSON = Json.MAPPER;
  private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};
  private static final Map<Map<String, String>, String> written = lru();
  private static final Map<String, Map<String, String>> read = lru();

  private LabelsJson() {}

  static String write(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) return "{}";
    synchronized (written) {
      String json = written.get(labels);
      if (json != null) return json;
    }
    String json;
    try {
      json = JSON.writeValueAsString(new TreeMap<>(labels));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("labels cannot be written as JSON: " + labels, e);
    }
    synchronized (written) {
      written.put(Map.copyOf(labels), json);
    }
    return json;
  }

  /** The labels of a stored row, as an unmodifiable map. */
  static Map<String, String> read(String json) {
    synchronized (read) {
      Map<String, String> labels = read.get(json);
      if (labels != null) return labels;
    }
    Map<String, String> labels;
    try {
      labels = Map.copyOf(JSON.readValue(json, LABELS));
    } catch (JsonProcessingException e) {
      throw new StoreException("labels are not JSON: " + json, e);
    }
    synchronized (read) {
      read.put(json, labels);
    }
    return labels;
  }

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > REMEMBERED;
      }
    };
  }
}
