package dev.vigil.notify;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** The desktop notification service, {@code org.freedesktop.Notifications} on the session bus. */
@DBusInterfaceName("org.freedesktop.Notifications")
public interface FreedesktopNotifications extends DBusInterface {
  UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
      List<String> actions, Map<String, Variant<?>> hints, int expireTimeout);

  void CloseNotification(UInt32 id);

  /** The person clicked an action (for Vigil: "acknowledge"). */
  final class ActionInvoked extends DBusSignal {
    private final UInt32 id;
    private final String actionKey;

    public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
      super(path, id, actionKey);
      this.id = id;
      this.actionKey = actionKey;
    }

    public UInt32 id() {
      return id;
    }

    public String actionKey() {
      return actionKey;
    }
  }
}
