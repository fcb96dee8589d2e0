package dev.vigil.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The installed launcher and the README's run command start the JVM with the same flags, each with its archive. */
class LauncherFlagsTest {
  private static final Path INSTALLER = Path.of("..", "installer");

  @Test
  void theLauncherAndTheArgfileCarryTheSameJvmFlags() throws IOException {
    Matcher m = Pattern.compile("(?m)^--java-options \"([^\"]*)\"$").matcher(Files.readString(INSTALLER.resolve("app.args")));
    assertThat(m.find()).as("installer/app.args has a --java-options line").isTrue();
    String argfile = Files.readString(INSTALLER.resolve("jvm.options")).trim();

    assertThat(argfile).isEqualTo(m.group(1));
    assertThat(argfile).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx256m");
  }

  @Test
  void theReadmeRunsVigilWithTheArgfileAndTheArchiveThatPackageMakes() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme).contains(
        "java @installer/jvm.options -XX:SharedArchiveFile=app/target/vigil.jsa -jar app/target/vigil.jar run --rules alert-rules");
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom).contains("<argument>@installer/jvm.options</argument>", "<argument>-Xshare:dump</argument>",
        "<argument>-XX:SharedArchiveFile=${project.build.directory}/vigil.jsa</argument>",
        "<argument>-XX:SharedClassListFile=installer/linux/vigil.classlist</argument>");
  }
}
