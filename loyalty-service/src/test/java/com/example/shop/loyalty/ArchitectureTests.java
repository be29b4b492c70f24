package com.example.shop.loyalty;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.example.shop.loyalty", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainHasNoWebKafkaOrJsonTypes = noClasses()
            .that().resideInAPackage("com.example.shop.loyalty.points")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "org.apache.kafka..", "org.springframework.kafka..", "tools.jackson..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule domainDoesNotKnowItsAdapters = noClasses()
            .that().resideInAPackage("com.example.shop.loyalty.points")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.example.shop.loyalty.points.web..", "com.example.shop.loyalty.points.messaging..");

    @ArchTest
    static final ArchRule controllersAndListenersArePackagePrivate = classes()
            .that().haveSimpleNameEndingWith("Controller").or().haveSimpleNameEndingWith("Listener")
            .should().notBePublic();
}
