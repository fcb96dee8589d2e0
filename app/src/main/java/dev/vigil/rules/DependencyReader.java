package dev.vigil.rules;

import dev.vigil.config.Location;
import dev.vigil.config.RuleProblem;
import dev.vigil.config.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code dependsOn: [ids]} of monitors and heartbeats, then, once every file is read, refuses an unknown id
 * or a cycle at the place it was written.
 */
final class DependencyReader {
  private record Parent(String id, Location where) {}

  private record Declared(String name, List<Parent> parents) {}

  private final Map<String, Declared> declared = new LinkedHashMap<>();

  /** Reads the {@code dependsOn} field of the rule {@code f} (if any) for {@code id}. */
  void read(Fields f, String id) {
    if (!f.has("dependsOn")) return;
    List<String> ids = f.textList("dependsOn");
    if (id == null || f.failed()) return;
    YamlNode list = f.map.fields.get("dependsOn");
    List<Parent> parents = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i).equals(id)) {
        f.problem(list.items.get(i).where, "field \"dependsOn[" + i + "]\": a monitor cannot depend on itself");
      } else {
        parents.add(new Parent(ids.get(i), list.items.get(i).where));
      }
    }
    declared.put(id, new Declared(f.name, parents));
  }

  /** The parents of each id, after refusing unknown ids and cycles; {@code known} are every monitor and heartbeat id. */
  Map<String, List<String>> resolve(Set<String> known, List<RuleProblem> problems) {
    Map<String, List<String>> graph = new LinkedHashMap<>();
    declared.forEach((id, d) -> {
      List<String> ok = new ArrayList<>();
      for (int i = 0; i < d.parents().size(); i++) {
        Parent p = d.parents().get(i);
        if (known.contains(p.id())) {
          ok.add(p.id());
        } else {
          problems.add(RuleProblem.at(p.where(), d.name() + ": field \"dependsOn[" + i + "]\": no monitor or heartbeat \""
              + p.id() + "\"" + Fields.suggest(p.id(), known)));
        }
      }
      graph.put(id, ok);
    });
    Set<String> reported = new HashSet<>();
    for (String id : List.copyOf(graph.keySet())) {
      List<String> cycle = cycleFrom(id, graph, new ArrayList<>());
      if (cycle == null || !reported.add(new java.util.TreeSet<>(cycle).toString())) continue;
      String child = cycle.get(0);
      String parent = cycle.get(1);
      Declared d = declared.get(child);
      Parent at = d.parents().stream().filter(p -> p.id().equals(parent)).findFirst().orElseThrow();
      problems.add(RuleProblem.at(at.where(), d.name() + ": field \"dependsOn\": a dependency cycle: "
          + String.join(" -> ", cycle)));
    }
    for (String id : reported.isEmpty() ? List.<String>of() : List.copyOf(graph.keySet())) {
      if (cycleFrom(id, graph, new ArrayList<>()) != null) graph.remove(id); // a refused cycle holds nothing back
    }
    return graph;
  }

  /** The ids of a cycle that starts and ends at {@code start}, or null. */
  private static List<String> cycleFrom(String start, Map<String, List<String>> graph, List<String> path) {
    String at = path.isEmpty() ? start : path.get(path.size() - 1);
    if (path.isEmpty()) path.add(start);
    for (String parent : graph.getOrDefault(at, List.of())) {
      if (parent.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(start);
        return cycle;
      }
      if (path.contains(parent)) continue;
      path.add(parent);
      List<String> found = cycleFrom(start, graph, path);
      if (found != null) return found;
      path.remove(path.size() - 1);
    }
    return null;
  }
}
