package com.example.shop.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "com.example.shop.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainCodeHasNoWebOrMessagingTypes = noClasses()
            .that().resideInAPackage("com.example.shop.catalog..")
            .and().resideOutsideOfPackage("..web..")
            .and().resideOutsideOfPackage("..messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..", "org.springframework.security..",
                    "org.springframework.kafka..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule onlyAdaptersUseTheWebAdapters = noClasses()
            .that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("com.example.shop.catalog..web..");

    @ArchTest
    static final ArchRule webAdaptersHaveNoKafkaTypes = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().notBePublic();
}
