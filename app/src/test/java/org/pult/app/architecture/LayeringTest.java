package org.pult.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md, checked on the production classes of every module. */
class LayeringTest {

    private static JavaClasses pult;

    @BeforeAll
    static void importClasses() {
        pult = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pult");
    }

    @Test
    void theModulesAreAllImported() {
        org.assertj.core.api.Assertions.assertThat(pult.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("core", "cache", "sync", "hub", "softphone", "app");
    }

    @Test
    void coreDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.pult.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.pult.app..", "org.pult.cache..", "org.pult.sync..", "org.pult.hub..", "org.pult.softphone..")
                .check(pult);
    }

    @Test
    void coreHasNoIo() {
        noClasses().that().resideInAPackage("org.pult.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
                .check(pult);
    }

    @Test
    void libraryModulesDependOnCoreOnly() {
        noClasses().that().resideInAnyPackage("org.pult.cache..", "org.pult.sync..", "org.pult.softphone..", "org.pult.hub..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pult.app..")
                .check(pult);
        noClasses().that().resideInAPackage("org.pult.cache..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pult.sync..", "org.pult.hub..", "org.pult.softphone..")
                .check(pult);
        noClasses().that().resideInAPackage("org.pult.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pult.cache..", "org.pult.hub..", "org.pult.softphone..")
                .check(pult);
        noClasses().that().resideInAPackage("org.pult.hub..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pult.cache..", "org.pult.sync..", "org.pult.softphone..")
                .check(pult);
    }

    @Test
    void noJavaFxOutsideTheApp() {
        noClasses().that().resideOutsideOfPackage("org.pult.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(pult);
    }

    @Test
    void noJdbcOutsideCacheAndHub() {
        noClasses().that().resideOutsideOfPackages("org.pult.cache..", "org.pult.hub..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(pult);
    }

    @Test
    void nativeMethodsOnlyInTheSoftphone() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
                .that().areDeclaredInClassesThat().resideOutsideOfPackage("org.pult.softphone..")
                .should().haveModifier(com.tngtech.archunit.core.domain.JavaModifier.NATIVE)
                .check(pult);
    }

    @Test
    void nobodyPrintsToTheConsole() {
        // The stand-alone hub's command line prints its usage; that is its user interface.
        noClasses().that().doNotHaveFullyQualifiedName("org.pult.hub.HubMain").should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(pult);
    }

    @Test
    void featureCodeStartsNoThreadsOfItsOwn() {
        noClasses().that().resideInAPackage("org.pult.app..")
                .and().resideOutsideOfPackage("org.pult.app.platform..")
                .should().callConstructor(Thread.class)
                .orShould().callConstructor(Thread.class, Runnable.class)
                .check(pult);
    }
}
