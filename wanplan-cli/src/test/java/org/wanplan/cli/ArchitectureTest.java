package org.wanplan.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies read like the architecture: the model at the bottom (JDK only); io, routing and the store on
 * the model (plus their own libraries); planning and design on the model and routing; the server and the
 * command line on top. No package cycles, and no third-party type in a public signature that another module
 * sees.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // test jars on the classpath (the store's PostgreSQL harness) are tests too
                .withImportOption(location -> !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*")))
                .importPackages("org.wanplan");
    }

    @Test
    void the_model_depends_on_the_jdk_only() {
        dependsOnlyOn("org.wanplan.model..", "java..");
    }

    @Test
    void io_depends_on_the_model_and_its_formats_only() {
        dependsOnlyOn(
                "org.wanplan.io..",
                "org.wanplan.model..",
                "com.fasterxml.jackson..",
                "org.w3c..",
                "org.xml..",
                "javax.xml..",
                "org.apache.poi..", // the Excel workbook reader only (below)
                "java..");
    }

    @Test
    void only_the_site_reader_reads_workbooks() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that()
                .resideOutsideOfPackage("org.wanplan.io.sites..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.poi..")
                .check(classes);
    }

    @Test
    void the_routing_engine_depends_on_the_model_and_the_jdk_only() {
        dependsOnlyOn("org.wanplan.routing..", "org.wanplan.model..", "java..");
    }

    @Test
    void planning_depends_on_the_model_routing_and_or_tools_only() {
        dependsOnlyOn(
                "org.wanplan.planning..",
                "org.wanplan.model..",
                "org.wanplan.routing..",
                "com.google.ortools..",
                "java..");
    }

    @Test
    void design_depends_on_the_model_and_routing_only() {
        dependsOnlyOn("org.wanplan.design..", "org.wanplan.model..", "org.wanplan.routing..", "java..");
    }

    @Test
    void the_store_depends_on_the_model_and_its_database_libraries_only() {
        dependsOnlyOn(
                "org.wanplan.store..",
                "org.wanplan.model..",
                "org.jdbi..",
                "org.flywaydb..",
                "com.zaxxer.hikari..",
                "java..",
                "javax.sql..");
    }

    @Test
    void or_tools_stays_inside_planning() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.wanplan.planning..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.google.ortools..")
                .check(classes);
    }

    @Test
    void the_server_stays_below_the_command_line_and_planning() {
        noClasses()
                .that()
                .resideInAPackage("org.wanplan.server..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.wanplan.cli..", "org.wanplan.planning..", "picocli..")
                .check(classes);
    }

    @Test
    void only_the_server_knows_the_http_framework() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.wanplan.server..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.javalin..")
                .check(classes);
    }

    /** Spark lives in wanplan-spark and its own jar: the main jar (this module's class path) carries none of it. */
    @Test
    void the_main_jar_carries_no_spark() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Class.forName("org.apache.spark.SparkContext"))
                .isInstanceOf(ClassNotFoundException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Class.forName("org.wanplan.spark.SparkEngine"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void modules_form_no_cycles() {
        slices().matching("org.wanplan.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void packages_form_no_cycles() {
        slices().matching("org.wanplan.(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * What a module offers another is made of JDK and wanplan types: a Jackson node, a JDBI handle or an
     * OR-Tools solver stays inside the module that uses it (the command line, on top, offers nothing).
     */
    @Test
    void no_third_party_type_in_a_public_signature_across_modules() {
        classes()
                .that()
                .arePublic()
                .and()
                .resideOutsideOfPackage("org.wanplan.cli..")
                .should(new ArchCondition<JavaClass>("show only JDK and wanplan types in public signatures") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        Stream.concat(
                                        c.getCodeUnits().stream()
                                                .filter(u -> u.getModifiers().contains(JavaModifier.PUBLIC))
                                                .flatMap(ArchitectureTest::signatureTypes),
                                        c.getFields().stream()
                                                .filter(f -> f.getModifiers().contains(JavaModifier.PUBLIC))
                                                .map(JavaField::getRawType))
                                .filter(t -> !OURS_OR_JDK.test(t))
                                .distinct()
                                .forEach(t -> events.add(SimpleConditionEvent.violated(
                                        c, c.getName() + " shows " + t.getName() + " in a public signature")));
                    }
                })
                .check(classes);
    }

    @Test
    void the_rules_see_every_module() {
        for (String module : Set.of("model", "io", "routing", "planning", "design", "store", "server", "cli")) {
            assertThat(classes.containPackage("org.wanplan." + module))
                    .as(module)
                    .isTrue();
        }
    }

    private static final DescribedPredicate<JavaClass> OURS_OR_JDK =
            DescribedPredicate.describe("JDK or wanplan", t -> {
                JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
                return base.isPrimitive()
                        || base.getPackageName().startsWith("java.")
                        || base.getPackageName().startsWith("org.wanplan.");
            });

    private static Stream<JavaClass> signatureTypes(JavaCodeUnit u) {
        return Stream.concat(
                Stream.concat(u.getRawParameterTypes().stream(), Stream.of(u.getRawReturnType())),
                u.getExceptionTypes().stream());
    }

    private static void dependsOnlyOn(String module, String... allowed) {
        String[] packages = Stream.concat(Stream.of(module), Stream.of(allowed)).toArray(String[]::new);
        classes()
                .that()
                .resideInAPackage(module)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(packages)
                .check(classes);
    }
}
