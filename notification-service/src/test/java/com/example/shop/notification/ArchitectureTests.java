package com.example.shop.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.example.shop.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** The domain: mails and the recipient directory, without their web and messaging adapters. */
    private static final String[] DOMAIN = { "com.example.shop.notification.email",
            "com.example.shop.notification.recipient" };

    @ArchTest
    static final ArchRule domainHasNoWebTypes = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                    "org.springframework.http..", "jakarta.servlet..", "org.springframework.security..",
                    "..notification..web..", "org.thymeleaf.spring6..");

    @ArchTest
    static final ArchRule domainHasNoKafkaTypes = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..",
                    "com.example.shop.contracts..", "com.example.shop.platform.messaging..",
                    "..notification..messaging..");
}
