package org.opensspr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.opensspr.system.CodedProblem;
import org.opensspr.system.ProblemCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The package rules of CONTRIBUTING.md (Layout) and docs/architecture.md (2), checked on the compiled main classes. */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.opensspr");

    @Test
    void onlyTheDirectoryPackageImportsUnboundId() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.opensspr.directory..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.unboundid..")
                .check(MAIN);
    }

    @Test
    void auditDependsOnNoOtherFeature() {
        classes()
                .that()
                .resideInAPackage("org.opensspr.audit..")
                .should()
                .onlyDependOnClassesThat()
                // Micrometer is a library, not a feature: the audit's own gauges (AuditMetrics) use it.
                .resideInAnyPackage(
                        "org.opensspr.audit..",
                        "java..",
                        "javax..",
                        "org.springframework..",
                        "org.slf4j..",
                        "io.micrometer..")
                .check(MAIN);
    }

    @Test
    void adminControllersUseServicesNotRepositories() {
        noClasses()
                .that()
                .resideInAPackage("org.opensspr.admin..")
                .should()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Repository")
                .check(MAIN);
    }

    /**
     * Every problem is thrown by its {@link ProblemCode}, whose texts {@code MessagesTests} checks in
     * every language: no feature builds a problem detail or an {@link ErrorResponseException} with
     * a text of its own.
     */
    @Test
    void problemsAreBuiltOnlyFromProblemCodes() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(CodedProblem.class)
                .should()
                .callMethod(ProblemDetail.class, "forStatusAndDetail", HttpStatusCode.class, String.class)
                .orShould()
                .callMethod(ProblemDetail.class, "forStatus", HttpStatusCode.class)
                .orShould()
                .callMethod(ProblemDetail.class, "forStatus", int.class)
                .orShould()
                .callMethod(ProblemDetail.class, "setDetail", String.class)
                .orShould()
                .callMethod(ErrorResponseException.class, "setDetail", String.class)
                .orShould()
                .callConstructor(ErrorResponseException.class, HttpStatusCode.class)
                .orShould()
                .callConstructor(ErrorResponseException.class, HttpStatusCode.class, Throwable.class)
                .orShould()
                .callConstructor(
                        ErrorResponseException.class, HttpStatusCode.class, ProblemDetail.class, Throwable.class)
                .orShould()
                .callConstructor(
                        ErrorResponseException.class,
                        HttpStatusCode.class,
                        ProblemDetail.class,
                        Throwable.class,
                        String.class,
                        Object[].class)
                .because("a problem's title and detail come from the message bundles by its ProblemCode")
                .check(MAIN);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.opensspr.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
