package dev.vigil.engine;

import dev.vigil.evaluate.Verdict;
import dev.vigil.rules.Monitor;

/**
 * Told of every check result once the store has committed it, on the pipeline's thread: keep it short and
 * never block. {@code vigil bench} counts fresh results with it; a UI could draw live status from it.
 */
@FunctionalInterface
public interface CheckListener {
  void committed(Monitor monitor, Verdict verdict);
}
