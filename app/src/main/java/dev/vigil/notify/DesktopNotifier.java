package dev.vigil.notify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications on Linux: {@code org.freedesktop.Notifications} over D-Bus (urgency critical for
 * urgent messages, an "Acknowledge" action that calls back), else the {@code notify-send} program, else the log.
 */
public final class DesktopNotifier implements Channel, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);
  static final String BUS_NAME = "org.freedesktop.Notifications";
  static final String PATH = "/org/freedesktop/Notifications";
  static final String ACK = "acknowledge";
  static final String RUNBOOK = "runbook";
  /** Without a desktop app to hand the link to, the desktop's opener. */
  private static final java.util.function.Consumer<String> XDG_OPEN = url -> {
    try {
      new ProcessBuilder("xdg-open", url).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      LOG.warn("cannot open the runbook {}: {}", url, e.getMessage());
    }
  };

  private final DBusConnection bus;
  private final FreedesktopNotifications service;
  private final boolean notifySend;
  private final Map<Long, Long> alertByNotification = new ConcurrentHashMap<>();
  private final Map<Long, String> runbookByNotification = new ConcurrentHashMap<>();

  private DesktopNotifier(DBusConnection bus, FreedesktopNotifications service, boolean notifySend) {
    this.bus = bus;
    this.service = service;
    this.notifySend = notifySend;
  }

  /** The best available way on this machine; {@code onAcknowledge} hears the Acknowledge action. */
  public static DesktopNotifier create(LongConsumer onAcknowledge) {
    if (System.getenv("DBUS_SESSION_BUS_ADDRESS") != null) {
      try {
        return overDbus(DBusConnectionBuilder.forSessionBus().build(), onAcknowledge);
      } catch (DBusException | RuntimeException e) {
        LOG.info("No D-Bus notifications ({}); trying notify-send", e.getMessage());
      }
    }
    boolean notifySend = AudioCheck.run(List.of("notify-send", "--version")).isPresent();
    if (!notifySend) LOG.info("No desktop notifications: neither D-Bus nor notify-send; notifications go to the log");
    return new DesktopNotifier(null, null, notifySend);
  }

  /** Over a given D-Bus connection (tests use a private bus); "Open runbook" goes to xdg-open. */
  public static DesktopNotifier overDbus(DBusConnection bus, LongConsumer onAcknowledge) throws DBusException {
    return overDbus(bus, onAcknowledge, XDG_OPEN);
  }

  /** Over a given D-Bus connection; {@code openUrl} hears the "Open runbook" action with the runbook's URL. */
  static DesktopNotifier overDbus(DBusConnection bus, LongConsumer onAcknowledge, java.util.function.Consumer<String> openUrl)
      throws DBusException {
    FreedesktopNotifications service = bus.getRemoteObject(BUS_NAME, PATH, FreedesktopNotifications.class);
    DesktopNotifier n = new DesktopNotifier(bus, service, false);
    bus.addSigHandler(FreedesktopNotifications.ActionInvoked.class, signal -> {
      long id = signal.id().longValue();
      if (RUNBOOK.equals(signal.actionKey())) {
        String url = n.runbookByNotification.get(id);
        if (url != null) openUrl.accept(url);
        return;
      }
      Long alertId = n.alertByNotification.remove(id);
      n.runbookByNotification.remove(id);
      if (alertId != null && ACK.equals(signal.actionKey())) onAcknowledge.accept(alertId);
    });
    return n;
  }

  /** How notifications are shown: {@code dbus}, {@code notify-send} or {@code log}. */
  public String method() {
    return service != null ? "dbus" : notifySend ? "notify-send" : "log";
  }

  @Override
  public Optional<String> send(Message m) throws IOException {
    if (service != null) {
      try {
        List<String> actions = new ArrayList<>();
        if (m.alertId() != null) actions.addAll(List.of(ACK, "Acknowledge"));
        if (m.runbook() != null) actions.addAll(List.of(RUNBOOK, "Open runbook"));
        Map<String, Variant<?>> hints = Map.of("urgency", new Variant<>((byte) (m.urgent() ? 2 : 1)),
            "desktop-entry", new Variant<>("vigil"));
        UInt32 id = service.Notify("Vigil", new UInt32(0), m.urgent() ? "dialog-error" : "dialog-information",
            m.title(), m.body(), actions, hints, m.urgent() ? 0 : -1);
        if (m.alertId() != null) alertByNotification.put(id.longValue(), m.alertId());
        if (m.runbook() != null) runbookByNotification.put(id.longValue(), m.runbook());
        return Optional.empty();
      } catch (RuntimeException e) {
        throw new IOException("desktop notification over D-Bus failed: " + e.getMessage());
      }
    }
    if (notifySend) {
      List<String> cmd = new ArrayList<>(List.of("notify-send", "--app-name=Vigil",
          "--urgency=" + (m.urgent() ? "critical" : "normal"), m.title(), m.body()));
      if (AudioCheck.run(cmd).isEmpty()) throw new IOException("notify-send failed");
      return Optional.empty();
    }
    LOG.warn("{}: {}", m.title(), m.body());
    return Optional.empty();
  }

  @Override
  public void close() {
    if (bus != null) {
      try {
        bus.close();
      } catch (IOException e) {
        // closing
      }
    }
  }
}
