package com.example.shop.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.example.shop.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String DOMAIN = "com.example.shop.notification.email";

    @ArchTest
    static final ArchRule domainHasNoWebTypes = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..", "org.springframework.security..",
                    "..notification..web..");

    @ArchTest
    static final ArchRule domainHasNoKafkaTypes = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..",
                    "com.example.shop.contracts..", "com.example.shop.platform.messaging..",
                    "..notification..messaging..");
}
