package dev.vigil.state;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which failing parent holds a failing monitor back ({@code dependsOn}): the root cause, found by following failing
 * parents up to one whose own parents all pass. {@code api -> app-db -> core-db} with both databases failing is held by
 * {@code core-db}. Pure; a cycle (refused by the rules, but harmless here) ends the walk.
 */
public final class RootCause {
  private RootCause() {}

  /** The root failing ancestor of {@code id}, or empty when none of its parents fails. */
  public static Optional<String> of(String id, Map<String, List<String>> dependsOn, Predicate<String> failing) {
    Set<String> seen = new HashSet<>();
    seen.add(id);
    String at = id;
    String root = null;
    while (true) {
      String next = null;
      for (String parent : dependsOn.getOrDefault(at, List.of())) {
        if (failing.test(parent) && seen.add(parent)) {
          next = parent;
          break;
        }
      }
      if (next == null) return Optional.ofNullable(root);
      root = next;
      at = next;
    }
  }
}
