package dev.vigil.alert;

import java.util.Locale;

/** The life of an alert: it fires, someone acknowledges it, it resolves. */
public enum AlertState {
  FIRING,
  ACKNOWLEDGED,
  RESOLVED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AlertState parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }

  public boolean isOpen() {
    return this != RESOLVED;
  }
}
