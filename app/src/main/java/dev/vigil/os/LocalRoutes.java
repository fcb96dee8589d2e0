package dev.vigil.os;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Whether this machine has a usable network at all: a route beyond loopback (Linux: the kernel's routing tables in
 * {@code /proc/net}), elsewhere an interface that is up with an address that is not loopback or link-local. Read
 * at most every few seconds: the answer is only asked for while every check fails.
 */
public final class LocalRoutes {
  private static final long FRESH_NANOS = 5_000_000_000L;
  private static final int RTF_UP = 0x1;
  private static final int RTF_REJECT = 0x200;

  private final Path procNet;
  private long readAt;
  private Optional<String> last = Optional.empty();
  private boolean read;

  public LocalRoutes(Path procNet) {
    this.procNet = procNet;
  }

  /** This machine's routes ({@code /proc/net}). */
  public static LocalRoutes system() {
    return new LocalRoutes(Path.of("/proc/net"));
  }

  /** Why this machine has no usable network ("no route beyond loopback"), or empty when it has one. */
  public synchronized Optional<String> unusable() {
    long now = System.nanoTime();
    if (!read || now - readAt > FRESH_NANOS) {
      last = readNow();
      readAt = now;
      read = true;
    }
    return last;
  }

  Optional<String> readNow() {
    Path v4 = procNet.resolve("route");
    if (Files.isReadable(v4)) {
      try {
        boolean routes = ipv4Routes(Files.readAllLines(v4)) || ipv6Routes(procNet.resolve("ipv6_route"));
        return routes ? Optional.empty() : Optional.of("no route beyond loopback");
      } catch (IOException e) {
        return Optional.empty(); // cannot tell: no evidence
      }
    }
    return interfaces();
  }

  /** Any route that is up on an interface other than loopback ({@code /proc/net/route}, hex fields). */
  static boolean ipv4Routes(List<String> lines) {
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 4 || f[0].equals("lo")) continue;
      int flags = Integer.parseInt(f[3], 16);
      if ((flags & RTF_UP) != 0 && (flags & RTF_REJECT) == 0) return true;
    }
    return false;
  }

  /** Any IPv6 route up on an interface other than loopback, not link-local (fe80::/10) or multicast (ff00::/8). */
  static boolean ipv6Routes(Path file) throws IOException {
    if (!Files.isReadable(file)) return false;
    for (String line : Files.readAllLines(file)) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 10 || f[9].equals("lo")) continue;
      String dest = f[0].toLowerCase(java.util.Locale.ROOT);
      if (dest.startsWith("fe8") || dest.startsWith("fe9") || dest.startsWith("fea") || dest.startsWith("feb") || dest.startsWith("ff")) continue;
      int flags = (int) Long.parseLong(f[8], 16);
      if ((flags & RTF_UP) != 0 && (flags & RTF_REJECT) == 0) return true;
    }
    return false;
  }

  private static Optional<String> interfaces() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) continue;
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (!a.isLoopbackAddress() && !a.isLinkLocalAddress()) return Optional.empty();
        }
      }
      return Optional.of("no network interface is up");
    } catch (SocketException e) {
      return Optional.empty();
    }
  }
}
