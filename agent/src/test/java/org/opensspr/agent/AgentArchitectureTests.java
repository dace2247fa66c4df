package org.opensspr.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The agent's architecture (package-info of {@code org.opensspr.agent}, docs/architecture.md): one
 * package per concern, one HTTP client, one reader of the state files, one failure type; checked on
 * the compiled main classes so that a second stack cannot grow back unnoticed.
 */
class AgentArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.opensspr.agent");

    @Test
    void onlyTheServerPackageSpeaksHttp() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.opensspr.agent.server..")
                .should()
                .callMethod(
                        java.net.http.HttpClient.class,
                        "send",
                        java.net.http.HttpRequest.class,
                        java.net.http.HttpResponse.BodyHandler.class)
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.net.http.HttpRequest")
                .check(MAIN);
    }

    @Test
    void onlyTheStateDirectoryReadsTheStateFiles() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.opensspr.agent.device..")
                // the version, from the jar's own sspr-agent.properties
                .and()
                .doNotHaveSimpleName("Version")
                .should()
                .callMethod(java.util.Properties.class, "load", java.io.Reader.class)
                .orShould()
                .callMethod(java.util.Properties.class, "load", java.io.InputStream.class)
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.opensspr.readiness.OmaUris")
                .because("device.properties, configuration.json and agent.properties are read only by StateDir")
                .check(MAIN);
    }

    @Test
    void theCommandsAreALeafNothingElseDependsOnThem() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.opensspr.agent.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.opensspr.agent.cli..")
                .check(MAIN);
    }

    @Test
    void thePackagesHaveNoCycles() {
        slices().matching("org.opensspr.agent.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void thereIsOneFailureTypeNoOtherRuntimeExceptionIsDeclared() {
        noClasses()
                .that()
                .resideInAPackage("org.opensspr.agent..")
                .and()
                .doNotHaveFullyQualifiedName(AgentException.class.getName())
                // the dialogue's own end-of-input signal (Prompts) never leaves the logon package
                .and()
                .doNotHaveSimpleName("EndOfInput")
                .should()
                .beAssignableTo(RuntimeException.class)
                .orShould()
                .beAssignableTo(java.io.IOException.class)
                .check(MAIN);
    }
}
