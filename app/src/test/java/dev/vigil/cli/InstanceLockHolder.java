package dev.vigil.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Another process's lock on a data folder, held from a second channel (the JVM refuses a second lock of its own). */
final class InstanceLockHolder implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private InstanceLockHolder(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static InstanceLockHolder hold(Path dataDir) throws IOException {
    FileChannel channel = FileChannel.open(dataDir.resolve("vigil.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    return new InstanceLockHolder(channel, channel.lock());
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
