package org.wanplan.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The Spark module sits beside the command line, on the model, io and routing (the failure seam): it never
 * reaches into design, planning, the store or the server, and nothing of wanplan's but this module sees Spark.
 */
class SparkArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wanplan");

    @Test
    void spark_uses_the_model_io_and_the_failure_seam_only() {
        classes()
                .that()
                .resideInAPackage("org.wanplan.spark..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.wanplan.spark..",
                        "org.wanplan.model..",
                        "org.wanplan.io..",
                        "org.wanplan.routing..",
                        "org.apache.spark..",
                        "picocli..",
                        "com.fasterxml.jackson..",
                        "scala..",
                        "java..")
                .check(CLASSES);
    }

    @Test
    void nothing_else_of_wanplan_sees_spark() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.wanplan.spark..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.spark..")
                .check(CLASSES);
    }
}
