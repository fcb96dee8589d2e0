package dev.vigil.store;

/**
 * The alerts as the people who handle them see them, read and acted on: the desktop, the local API, an Alertmanager
 * source acting for the person who silenced there. Everything but the engine's writes ({@link EngineStore}).
 */
public interface AlertDesk extends AlertReader, AlertActions {}
