package dev.vigil.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** One running Vigil per data folder: an OS file lock on {@code DATA/vigil.lock}, released when the process dies. */
final class InstanceLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private InstanceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** True where the file system has POSIX permissions: the lock file is made 0600, as every file Vigil makes. */
  private static boolean ownerOnly(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** The lock, or empty when another process holds it. */
  static Optional<InstanceLock> acquire(Path dataDir) throws IOException {
    Path file = dataDir.resolve("vigil.lock");
    FileChannel channel = ownerOnly(file)
        ? FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")))
        : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException heldInThisProcess) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      return Optional.empty();
    }
    return Optional.of(new InstanceLock(channel, lock));
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
