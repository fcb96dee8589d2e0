package dev.vigil.evaluate;

/**
 * The outcome of one condition, with the value it saw.
 *
 * @param shown the condition with the resolved value, e.g. {@code status (503) == 200},
 *     {@code latency (1203ms) < 800ms}, {@code json $.status ("DOWN") == "UP"}
 */
public record ConditionResult(Condition condition, boolean passed, String shown) {}
