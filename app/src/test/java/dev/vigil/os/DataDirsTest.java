package dev.vigil.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataDirsTest {
  static final Path HOME = Path.of("/home/ana");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # intent                                    | os          | env                                                          | data                                  | rules                                      | logs
      Linux without XDG variables uses dot folders | Linux       | ''                                                           | /home/ana/.local/share/vigil          | /home/ana/.config/vigil/rules              | /home/ana/.local/state/vigil/logs
      Linux with XDG variables follows them        | Linux       | XDG_DATA_HOME=/x/data,XDG_CONFIG_HOME=/x/cfg,XDG_STATE_HOME=/x/st | /x/data/vigil                    | /x/cfg/vigil/rules                         | /x/st/vigil/logs
      Linux treats blank XDG variables as unset    | Linux       | XDG_DATA_HOME= ,XDG_CONFIG_HOME= ,XDG_STATE_HOME=            | /home/ana/.local/share/vigil          | /home/ana/.config/vigil/rules              | /home/ana/.local/state/vigil/logs
      Windows keeps data and logs local, rules roaming | Windows 11 | LOCALAPPDATA=/c/Users/ana/AppData/Local,APPDATA=/c/Users/ana/AppData/Roaming | /c/Users/ana/AppData/Local/Vigil | /c/Users/ana/AppData/Roaming/Vigil/rules | /c/Users/ana/AppData/Local/Vigil/logs
      Windows without variables falls back under home | Windows 10 | ''                                                          | /home/ana/AppData/Local/Vigil         | /home/ana/AppData/Roaming/Vigil/rules      | /home/ana/AppData/Local/Vigil/logs
      macOS uses Application Support and Logs      | Mac OS X    | XDG_DATA_HOME=/ignored                                       | /home/ana/Library/Application Support/Vigil | /home/ana/Library/Application Support/Vigil/rules | /home/ana/Library/Logs/Vigil
      """)
  void eachOsKeepsVigilWhereItsConventionSays(String intent, String os, String env, String data, String rules, String logs) {
    DataDirs dirs = new DataDirs(parse(env), os, HOME);
    assertThat(dirs.data()).isEqualTo(Path.of(data));
    assertThat(dirs.rules()).isEqualTo(Path.of(rules));
    assertThat(dirs.logs()).isEqualTo(Path.of(logs));
  }

  private static Map<String, String> parse(String env) {
    Map<String, String> map = new java.util.HashMap<>();
    if (env == null || env.isBlank()) return map;
    for (String pair : env.split(",")) {
      String[] kv = pair.split("=", 2);
      map.put(kv[0].strip(), kv.length > 1 ? kv[1] : "");
    }
    return map;
  }
}
