package dev.vigil.dedupe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two failures "the same problem". A monitor has one problem at a time (it is down), whatever the
 * failure class, so a 503 that turns into a timeout stays one alert. External alerts are identified by their
 * sender's fingerprint or, failing that, by their monitor and labels.
 */
public final class Fingerprint {
  private Fingerprint() {}

  /** The fingerprint of an HTTP monitor being down. */
  public static String ofMonitor(String monitorId) {
    return "monitor:" + monitorId;
  }

  /** The fingerprint of a heartbeat that stopped. */
  public static String ofHeartbeat(String heartbeatId) {
    return "heartbeat:" + heartbeatId;
  }

  /** A stable fingerprint for an external alert without one: its monitor and sorted labels. */
  public static String ofLabels(String monitor, Map<String, String> labels) {
    StringBuilder text = new StringBuilder(monitor);
    new TreeMap<>(labels).forEach((k, v) -> text.append('\u0000').append(k).append('=').append(v));
    return "ext:" + sha256(text.toString()).substring(0, 16);
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
