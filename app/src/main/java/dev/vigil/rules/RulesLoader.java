package dev.vigil.rules;

import dev.vigil.config.Location;
import dev.vigil.config.RuleProblem;
import dev.vigil.config.YamlNode;
import dev.vigil.config.YamlReader;
import dev.vigil.config.Durations;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.vigil.check.CheckRequest;
import dev.vigil.check.Target;
import dev.vigil.evaluate.Condition;
import dev.vigil.evaluate.ConditionParser;
import dev.vigil.evaluate.ConditionSyntaxException;
import dev.vigil.policy.MaintenanceRule;
import dev.vigil.policy.OncallSpec;
import dev.vigil.policy.Policy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads every {@code *.yaml}/{@code *.yml} directly in the rules folder, sorted by name, collecting every
 * problem in every file. {@code policy.yaml} holds the policy ({@link PolicyReader}); other files hold
 * {@code monitors:}, {@code heartbeats:} and {@code sources:}. The one reader of these files: {@code run},
 * {@code validate}, the hot reload and the settings page all take its {@link LoadResult}.
 */
public final class RulesLoader {
  private static final Set<String> TOP = Set.of("monitors", "heartbeats", "sources", "maintenance");
  private static final Set<String> MONITOR = union(Set.of("id", "interval", "timeout", "severity", "confirm", "recover",
      "expect", "labels", "breakthrough", "dependsOn", "runbook"), TargetField.fields());
  private static final Set<String> HEARTBEAT = Set.of("id", "every", "cron", "grace", "severity", "labels", "dependsOn");
  private static final Set<String> SOURCE = Set.of("id", "alertmanager", "interval", "matchers", "labels", "dependsOn", "dependsOnMatch");
  private static final java.util.regex.Pattern MATCHER =
      java.util.regex.Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*\\s*(=|!=|=~|!~)\\s*\".*\"");
  private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** The rules read, and everything wrong with them; the rules hold only the valid entries. */
  public record LoadResult(RuleSet rules, List<RuleProblem> problems) {
    public LoadResult {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Path dir;
  private final Map<String, String> env;
  private final List<RuleProblem> problems = new ArrayList<>();
  private final List<Monitor> monitors = new ArrayList<>();
  private final List<HeartbeatRule> heartbeats = new ArrayList<>();
  private final List<SourceRule> sources = new ArrayList<>();
  private final Map<String, Location> firstDefined = new HashMap<>();
  private Policy policy = PolicyReader.defaults();
  private Path policyFile;
  private final DependencyReader dependencies = new DependencyReader();
  private final List<MaintenanceRule> maintenance = new ArrayList<>();
  private OncallSpec oncall;
  private String content = "";

  private RulesLoader(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.env = Map.copyOf(env);
  }

  public static LoadResult load(Path dir, Map<String, String> env) {
    return new RulesLoader(dir, env).load();
  }

  /** The policy and problems of {@code content} as policy.yaml at {@code file}: what the settings page checks before it writes. */
  public static PolicyResult readPolicy(Path file, String content, Map<String, String> env) {
    RulesLoader loader = new RulesLoader(file.getParent(), env);
    loader.readContent(file, content);
    loader.sortProblems();
    return new PolicyResult(loader.policy, loader.problems);
  }

  /** A policy.yaml read alone; the policy holds the defaults where it has problems. */
  public record PolicyResult(Policy policy, List<RuleProblem> problems) {
    public PolicyResult {
      problems = List.copyOf(problems);
    }
  }

  private LoadResult load() {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> Files.isRegularFile(p) && isYaml(p.getFileName().toString())).sorted().toList();
    } catch (IOException e) {
      problems.add(new RuleProblem(dir, 1, 1, "cannot read the rules folder: " + e.getMessage()));
      return result();
    }
    for (Path file : files) readFile(file);
    return result();
  }

  private LoadResult result() {
    Set<String> known = new java.util.TreeSet<>();
    firstDefined.keySet().stream().filter(k -> k.startsWith("monitor ") || k.startsWith("heartbeat "))
        .forEach(k -> known.add(k.substring(k.indexOf(' ') + 1)));
    Map<String, List<String>> dependsOn = dependencies.resolve(known, problems);
    sortProblems();
    return new LoadResult(new RuleSet(dir, monitors, heartbeats, sources, policy, policyFile, dependsOn, maintenance, oncall), problems);
  }

  private void sortProblems() {
    problems.sort(
        java.util.Comparator.comparing((RuleProblem p) -> p.file().toString())
            .thenComparingInt(RuleProblem::line)
            .thenComparingInt(RuleProblem::column));
  }

  private static boolean isYaml(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static boolean isPolicy(Path file) {
    String name = file.getFileName().toString();
    return name.equals("policy.yaml") || name.equals("policy.yml");
  }

  private void readFile(Path file) {
    try {
      if (Files.size(file) > YamlReader.MAX_BYTES) {
        problems.add(new RuleProblem(file, 1, 1, "file is larger than 8 MiB; refused"));
        return;
      }
      readContent(file, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add(new RuleProblem(file, 1, 1, "cannot read: " + e.getMessage()));
    }
  }

  private void readContent(Path file, String text) {
    content = text;
    YamlNode root = YamlReader.read(file, content, problems);
    if (root == null) return;
    if (!root.isMap()) {
      problems.add(RuleProblem.at(root.where, "expected a map" + (isPolicy(file) ? "" : " with monitors:, heartbeats:, sources: or maintenance:")
          + ", not " + root.describe()));
    } else if (isPolicy(file)) {
      readPolicy(file, root);
    } else {
      root.keys.forEach((key, at) -> {
        if (!TOP.contains(key)) problems.add(RuleProblem.at(at, "unknown key \"" + key + "\"" + Fields.suggest(key, TOP)));
      });
      each(root, "monitors", "monitor", this::readMonitor);
      each(root, "heartbeats", "heartbeat", this::readHeartbeat);
      each(root, "sources", "source", this::readSource);
      each(root, "maintenance", "maintenance window", (map, name) -> {
        MaintenanceRule w = MaintenanceReader.read(new Fields(map, name, MaintenanceReader.FIELDS, env, problems));
        if (w != null) maintenance.add(w);
      });
    }
  }

  private interface RuleReader {
    void read(YamlNode map, String name);
  }

  private void each(YamlNode root, String key, String kind, RuleReader reader) {
    YamlNode list = root.fields.get(key);
    if (list == null || list.isNull()) return;
    if (!list.isList()) {
      problems.add(RuleProblem.at(list.where, "\"" + key + "\" must be a list of " + kind + "s, not " + list.describe()));
      return;
    }
    for (int i = 0; i < list.items.size(); i++) {
      YamlNode item = list.items.get(i);
      String id = item.isMap() ? Fields.id(item) : null;
      String name = id == null ? kind + " at index " + i : kind + " \"" + id + "\"";
      if (!item.isMap()) {
        problems.add(RuleProblem.at(item.where, name + ": expected a map of fields, not " + item.describe()));
      } else if (id == null || unique(kind, id, item)) {
        reader.read(item, name);
      }
    }
  }

  private boolean unique(String kind, String id, YamlNode item) {
    Location first = firstDefined.putIfAbsent(kind + " " + id, item.fields.get("id").where);
    if (first == null) return true;
    problems.add(RuleProblem.at(item.fields.get("id").where, "duplicate " + kind + " id \"" + id + "\" (first defined at "
        + first.file().getFileName() + ":" + first.line() + ")"));
    return false;
  }

  private void readMonitor(YamlNode map, String name) {
    Fields f = new Fields(map, name, MONITOR, env, problems);
    String id = f.id();
    Target target = TargetField.read(f);
    Duration interval = f.duration("interval", Duration.ofSeconds(30), Duration.ofMillis(500));
    Duration timeout = f.duration("timeout", Duration.ofSeconds(10), Duration.ofMillis(1));
    if (timeout.compareTo(interval) > 0) {
      f.problem("timeout", Durations.format(timeout) + " is longer than the interval (" + Durations.format(interval) + ")");
    }
    var severity = f.severity("severity");
    int confirm = f.integer("confirm", 2, 1, 100);
    int recover = f.integer("recover", 2, 1, 100);
    List<Condition> expect = target == null ? List.of() : expect(f, target.kind());
    Map<String, String> labels = f.textMap("labels", true);
    Map<String, String> headers = f.textMap("headers", true);
    boolean breakthrough = f.bool("breakthrough", false);
    long bodyCap = f.size("bodyCap", CheckRequest.DEFAULT_BODY_CAP);
    String runbook = f.url("runbook", false);
    dependencies.read(f, id);
    if (f.failed()) return;
    monitors.add(new Monitor(id, target, interval, timeout, severity, confirm, recover, expect, labels, headers,
        breakthrough, bodyCap, map.where, runbook));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private List<Condition> expect(Fields f, Target.Kind kind) {
    List<Condition> out = new ArrayList<>();
    YamlNode list = f.map.fields.get("expect");
    if (list != null && !list.isNull() && !list.isList()) {
      f.problem("expect", "expected a list of conditions, not " + list.describe());
    } else if (list != null) {
      for (int i = 0; i < list.items.size(); i++) {
        YamlNode item = list.items.get(i);
        String field = "expect[" + i + "]";
        if (!item.isScalar() || item.isNull()) {
          f.problem(item.where, "field \"" + field + "\": expected a condition, not " + item.describe());
          continue;
        }
        try {
          out.add(ConditionParser.parse(item.text, kind));
        } catch (ConditionSyntaxException e) {
          f.problem(at(item, e.column()), "field \"" + field + "\": " + e.getMessage());
        }
      }
    }
    if (out.isEmpty() && !f.failed()) out.addAll(ConditionParser.defaults(kind));
    return out;
  }

  /** Where column {@code offset} of a one-line scalar is in the file, allowing for an opening quote. */
  private Location at(YamlNode scalar, int offset) {
    Location w = scalar.where;
    String line = content.lines().skip(w.line() - 1).findFirst().orElse("");
    int start = w.column() - 1;
    if (line.startsWith(scalar.text, start)) return new Location(w.file(), w.line(), w.column() + offset);
    if (start < line.length() && (line.charAt(start) == '"' || line.charAt(start) == '\'')
        && line.startsWith(scalar.text, start + 1)) {
      return new Location(w.file(), w.line(), w.column() + 1 + offset);
    }
    return w;
  }

  private void readHeartbeat(YamlNode map, String name) {
    Fields f = new Fields(map, name, HEARTBEAT, env, problems);
    String id = f.id();
    Duration every = null;
    String cron = null;
    if (f.has("every") && f.has("cron")) {
      f.problem(f.where("cron"), "use either \"every\" or \"cron\", not both");
    } else if (f.has("cron")) {
      cron = f.text("cron", true);
      validateCron(f, cron);
    } else if (f.has("every")) {
      every = f.duration("every", null, Duration.ofSeconds(1));
    } else {
      f.problem(map.where, "missing field \"every\" (or \"cron\")");
    }
    Duration grace = f.duration("grace", Duration.ofMinutes(5), Duration.ZERO);
    var severity = f.severity("severity");
    Map<String, String> labels = f.textMap("labels", true);
    dependencies.read(f, id);
    if (f.failed()) return;
    heartbeats.add(new HeartbeatRule(id, every, cron, grace, severity, labels, map.where));
  }

  private static void validateCron(Fields f, String cron) {
    if (cron == null) return;
    try {
      CRON.parse(cron).validate();
    } catch (IllegalArgumentException e) {
      f.problem("cron", "\"" + cron + "\" is not a 5-field cron expression like \"0 3 * * *\": " + e.getMessage());
    }
  }

  private void readSource(YamlNode map, String name) {
    Fields f = new Fields(map, name, SOURCE, env, problems);
    String id = f.id();
    String url = f.url("alertmanager", true);
    Duration interval = f.duration("interval", Duration.ofSeconds(15), Duration.ofSeconds(1));
    List<String> matchers = f.textList("matchers");
    for (int i = 0; i < matchers.size(); i++) {
      if (!MATCHER.matcher(matchers.get(i)).matches()) {
        f.problem(f.map.fields.get("matchers").items.get(i).where, "field \"matchers[" + i + "]\": \"" + matchers.get(i)
            + "\" is not a matcher like team=\"payments\"");
      }
    }
    Map<String, String> labels = f.textMap("labels", true);
    dependencies.read(f, id == null ? null : "alertmanager:" + id);
    Map<String, String> dependsOnMatch = f.textMap("dependsOnMatch", false);
    if (!dependsOnMatch.isEmpty() && !f.has("dependsOn")) f.problem("dependsOnMatch", "goes with \"dependsOn\"");
    if (f.failed()) return;
    sources.add(new SourceRule(id, url, interval, matchers, labels, map.where, dependsOnMatch));
  }

  private void readPolicy(Path file, YamlNode root) {
    if (policyFile != null) {
      problems.add(RuleProblem.at(root.where, "a second policy file; the policy is already in " + policyFile.getFileName()));
      return;
    }
    policyFile = file;
    policy = PolicyReader.read(root, env, problems);
    oncall = OncallReader.read(root.fields.get("oncall"), dir, env, problems);
  }
}
