package dev.vigil.app;

import dev.vigil.os.DataFolder;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Vigil per data folder. The first one holds the file lock ({@link InstanceLock}) and listens on the
 * Unix domain socket {@code DATA/vigil.sock} (mode 0600); a second launch on the same folder cannot take the lock,
 * says {@code show} on the socket, and exits, and the first one shows itself.
 *
 * <p>The socket is a convenience: when it cannot be opened (a path too long for a socket, an old OS) the lock
 * still keeps a second instance out, and the failure is logged.
 */
public final class SingleInstance implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SingleInstance.class);
  private static final String SOCKET = "vigil.sock";
  private static final String SHOW = "show";
  private static final int MAX_REQUEST = 64;
  private static final long ANSWER_MILLIS = 2_000;

  private final InstanceLock lock;
  private final Path socketFile;
  private final ServerSocketChannel server;

  private SingleInstance(InstanceLock lock, Path socketFile, ServerSocketChannel server) {
    this.lock = lock;
    this.socketFile = socketFile;
    this.server = server;
  }

  /**
   * Takes the data folder: the lock, then the socket, whose {@code show} requests call {@code onShow}.
   *
   * @return empty when another process already runs on this folder
   */
  public static Optional<SingleInstance> claim(Path dataDir, Runnable onShow) throws IOException {
    DataFolder.create(dataDir);
    Optional<InstanceLock> lock = InstanceLock.acquire(dataDir);
    if (lock.isEmpty()) return Optional.empty();
    Path socketFile = dataDir.resolve(SOCKET);
    ServerSocketChannel server = null;
    try {
      server = listen(socketFile);
      Thread accept = new Thread(acceptLoop(server, onShow), "vigil-instance-socket");
      accept.setDaemon(true);
      accept.start();
    } catch (IOException | UnsupportedOperationException e) {
      log.warn("a second launch cannot show this one: no socket at {} ({})", socketFile, e.toString());
    }
    return Optional.of(new SingleInstance(lock.get(), socketFile, server));
  }

  /**
   * Asks the instance running on {@code dataDir} to show itself.
   *
   * @return true when it answered
   */
  public static boolean showRunning(Path dataDir) {
    Path socketFile = dataDir.resolve(SOCKET);
    if (!Files.exists(socketFile)) return false;
    SocketChannel channel;
    try {
      channel = SocketChannel.open(UnixDomainSocketAddress.of(socketFile));
    } catch (IOException | UnsupportedOperationException e) {
      log.warn("cannot reach the running instance on {}: {}", socketFile, e.toString());
      return false;
    }
    CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
      try {
        channel.write(ByteBuffer.wrap((SHOW + "\n").getBytes(StandardCharsets.UTF_8)));
        return readLine(channel);
      } catch (IOException e) {
        return "";
      }
    });
    try (channel) {
      return "ok".equals(answer.get(ANSWER_MILLIS, TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException | IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static ServerSocketChannel listen(Path socketFile) throws IOException {
    // We hold the lock, so a socket file left here belongs to a process that is gone.
    if (Files.deleteIfExists(socketFile)) log.info("removed the stale socket {}", socketFile);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(socketFile));
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(socketFile, PosixFilePermissions.fromString("rw-------"));
      }
      return server;
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static Runnable acceptLoop(ServerSocketChannel server, Runnable onShow) {
    return () -> {
      while (server.isOpen()) {
        SocketChannel client;
        try {
          client = server.accept();
        } catch (ClosedChannelException e) {
          return;
        } catch (IOException e) {
          log.warn("instance socket stopped accepting", e);
          return;
        }
        Thread answer = new Thread(() -> answer(client, onShow), "vigil-instance-request");
        answer.setDaemon(true);
        answer.start();
      }
    };
  }

  private static void answer(SocketChannel client, Runnable onShow) {
    try (client) {
      String request = readLine(client);
      if (!SHOW.equals(request)) {
        log.warn("instance socket: unknown request \"{}\"", request);
        client.write(ByteBuffer.wrap("unknown\n".getBytes(StandardCharsets.UTF_8)));
        return;
      }
      log.info("another launch asked to show Vigil");
      try {
        onShow.run();
      } catch (RuntimeException e) {
        log.error("showing Vigil failed", e);
      }
      client.write(ByteBuffer.wrap("ok\n".getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      log.warn("instance socket request failed: {}", e.toString());
    }
  }

  /** One line of at most {@value #MAX_REQUEST} bytes, without its newline. */
  private static String readLine(SocketChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_REQUEST);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) break;
      byte[] seen = buffer.array();
      for (int i = 0; i < buffer.position(); i++) {
        if (seen[i] == '\n') return new String(seen, 0, i, StandardCharsets.UTF_8);
      }
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
  }

  @Override
  public void close() throws IOException {
    if (server != null) {
      server.close();
      Files.deleteIfExists(socketFile);
    }
    lock.close();
  }
}
