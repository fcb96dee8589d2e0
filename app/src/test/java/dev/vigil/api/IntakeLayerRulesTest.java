package dev.vigil.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.sun.net.httpserver.HttpServer;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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

  private static boolean calls(JavaClass c, Class<?> owner, String method) {
    return c.getMethodCallsFromSelf().stream()
        .anyMatch(call -> call.getTargetOwner().isEquivalentTo(owner) && call.getName().equals(method));
  }

  private static final DescribedPredicate<JavaClass> CREATE_AN_HTTP_SERVER =
      DescribedPredicate.describe("create a JDK HttpServer", c -> calls(c, HttpServer.class, "create"));

  private static final ArchCondition<JavaClass> APPLY_THE_LIMITS = new ArchCondition<>("call HttpServerLimits.apply()") {
    @Override
    public void check(JavaClass c, ConditionEvents events) {
      if (!calls(c, HttpServerLimits.class, "apply")) {
        events.add(SimpleConditionEvent.violated(c, c.getName() + " creates an HttpServer without calling HttpServerLimits.apply() first"));
      }
    }
  };

  @ArchTest
  static final ArchRule httpServersApplyTheSlowClientLimits =
      classes().that(CREATE_AN_HTTP_SERVER).should(APPLY_THE_LIMITS)
          .because("the JDK reads its request time limit once, at the process's first HttpServer: whichever comes first"
              + " must set it, or the local API is open to slow clients");
}
