package com.example.shop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ServicePoolsTests {

    @Test
    void setsEveryPoolAndQueueOfAServiceThatSaysNothing() {
        var environment = new StandardEnvironment();

        new ServicePools().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.tomcat.threads.max")).isEqualTo("200");
        assertThat(environment.getProperty("server.tomcat.max-connections")).isEqualTo("1024");
        assertThat(environment.getProperty("server.tomcat.accept-count")).isEqualTo("100");
        assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("10");
        assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("5000");
    }

    @Test
    void aServicesOwnSettingWins() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml",
                Map.of("spring.datasource.hikari.maximum-pool-size", "4")));

        new ServicePools().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.hikari.maximum-pool-size")).isEqualTo("4");
        assertThat(environment.getProperty("server.tomcat.threads.max")).isEqualTo("200");
    }
}
