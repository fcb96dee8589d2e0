package dev.vigil.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layer rules of intake: the local API, heartbeats and sources. */
@AnalyzeClasses(packages = "dev.vigil", importOptions = ImportOption.DoNotIncludeTests.class)
class IntakeLayerRulesTest {

  @ArchTest
  static final ArchRule listeningOnlyInApiAndFleet =
      noClasses().that().resideOutsideOfPackages("dev.vigil.api..", "dev.vigil.fleet..")
          .should().dependOnClassesThat().resideInAPackage("com.sun.net.httpserver..")
          .because("the local API owns Vigil's one listening socket: loopback only, token, Host and size checks"
              + " (the demo fleet is the other, simulated endpoints)");

  @ArchTest
  static final ArchRule heartbeatsAndSourcesReachTheEngineOnlyThroughIntake =
      noClasses().that().resideInAnyPackage("dev.vigil.api..", "dev.vigil.heartbeat..", "dev.vigil.source..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.vigil.engine..", "dev.vigil.ui..", "dev.vigil.cli..")
          .because("intake talks to the engine through Intake and AlertListener only, so it runs headless and is tested alone");
}
