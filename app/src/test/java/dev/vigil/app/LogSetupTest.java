package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logback's configuration in code: what logback.xml said, found by logback itself. */
class LogSetupTest {
  @AfterEach
  void clearLevel() {
    System.clearProperty("vigil.log.level");
  }

  @Test
  void warningsGoToStderrAndTheNoisyLibrariesStayAtWarn() {
    LoggerContext context = new LoggerContext();
    assertThat(new LogSetup().configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

    var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    var console = (ConsoleAppender<?>) root.getAppender("STDERR");
    assertThat(console.getTarget()).isEqualTo("System.err");
    assertThat(console.isStarted()).isTrue();
    for (String name : new String[] {"org.quartz", "org.flywaydb", "okhttp3"}) {
      assertThat(context.getLogger(name).getLevel()).as(name).isEqualTo(Level.WARN);
    }
  }

  @Test
  void theLevelComesFromVigilLogLevel() {
    System.setProperty("vigil.log.level", "DEBUG");
    LoggerContext context = new LoggerContext();
    new LogSetup().configure(context);

    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
  }

  @Test
  void logbackFindsIt() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(p -> p.type().getName())).contains(LogSetup.class.getName());
    var root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("STDERR")).isNotNull();
  }
}
