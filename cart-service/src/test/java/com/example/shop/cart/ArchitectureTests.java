package com.example.shop.cart;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "com.example.shop.cart", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainCodeHasNoWebHttpOrKafkaTypes = noClasses()
            .that().resideInAPackage("com.example.shop.cart..")
            .and().resideOutsideOfPackages("..web..", "..messaging..", "..client..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..", "org.springframework.security..",
                    "org.springframework.kafka..", "org.apache.kafka..", "io.github.resilience4j..");

    @ArchTest
    static final ArchRule domainCodeDoesNotDependOnAdapters = noClasses()
            .that().resideInAPackage("com.example.shop.cart..")
            .and().resideOutsideOfPackages("..web..", "..messaging..", "..client..")
            .should().dependOnClassesThat().resideInAnyPackage("com.example.shop.cart..web..",
                    "com.example.shop.cart..messaging..", "com.example.shop.cart..client..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule listenersArePackagePrivate = classes()
            .that().resideInAPackage("..messaging..").and().areAnnotatedWith(Component.class)
            .should().notBePublic();
}
