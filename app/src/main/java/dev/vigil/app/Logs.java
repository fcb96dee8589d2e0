package dev.vigil.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import dev.vigil.os.DataFolder;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** While watching, Vigil logs at INFO to stderr and to rolling files (10 MB each, 14 days, 100 MB in all). */
public final class Logs {
  private Logs() {}

  private static final String FILE_NAME = "vigil.log";

  /** Starts the file log in {@code dir}, replacing one started before in this process. */
  public static void forRun(Path dir) {
    try {
      DataFolder.create(dir); // what Vigil saw and did is its owner's to read
      ownerOnly(dir.resolve(FILE_NAME)); // logback would make it with the process's umask (0644)
    } catch (java.io.IOException | UnsupportedOperationException e) {
      // logback says why it cannot write there; a file system without POSIX modes keeps its own
    }
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    if (System.getProperty("vigil.log.level") == null) root.setLevel(Level.INFO);
    var previous = root.getAppender("FILE");
    if (previous != null) {
      root.detachAppender(previous);
      previous.stop();
    }

    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0} - %msg%n");
    encoder.start();

    RollingFileAppender<ch.qos.logback.classic.spi.ILoggingEvent> file = new RollingFileAppender<>();
    file.setContext(context);
    file.setName("FILE");
    file.setFile(dir.resolve(FILE_NAME).toString());
    SizeAndTimeBasedRollingPolicy<ch.qos.logback.classic.spi.ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
    policy.setContext(context);
    policy.setParent(file);
    policy.setFileNamePattern(dir.resolve("vigil.%d{yyyy-MM-dd}.%i.log.gz").toString());
    policy.setMaxFileSize(FileSize.valueOf("10MB"));
    policy.setMaxHistory(14);
    policy.setTotalSizeCap(FileSize.valueOf("100MB"));
    policy.start();
    file.setRollingPolicy(policy);
    file.setEncoder(encoder);
    file.start();
    root.addAppender(file);
  }

  /** Makes {@code file} (empty when new) readable and writable by its owner only. */
  private static void ownerOnly(Path file) throws java.io.IOException {
    var mode = java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
    if (!java.nio.file.Files.exists(file)) {
      java.nio.file.Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(mode));
    }
    java.nio.file.Files.setPosixFilePermissions(file, mode);
  }

  /** Like {@link #forRun}, but the terminal shows warnings only: the demo prints its own lines there. */
  public static void forDemo(Path dir) {
    forRun(dir);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var console = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    if (console != null && console.getCopyOfAttachedFiltersList().isEmpty()) {
      ch.qos.logback.classic.filter.ThresholdFilter warnings = new ch.qos.logback.classic.filter.ThresholdFilter();
      warnings.setLevel("WARN");
      warnings.start();
      console.addFilter(warnings);
    }
  }
}
