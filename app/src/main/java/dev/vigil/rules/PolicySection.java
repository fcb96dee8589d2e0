package dev.vigil.rules;

import dev.vigil.policy.Policy;
import java.util.List;

/**
 * One top-level key of {@code policy.yaml}, read validate-and-default: a value that is wrong is a problem at its
 * place and leaves the default in the policy. A new policy key is one new section in {@link PolicyReader#SECTIONS}.
 */
interface PolicySection {
  /** The key it reads, and any other spelling of it ({@code behaviour}, {@code behavior}). */
  List<String> keys();

  /** {@code policy} with this section's key as written in {@code file}'s top-level fields. */
  Policy read(Fields file, Policy policy);
}
