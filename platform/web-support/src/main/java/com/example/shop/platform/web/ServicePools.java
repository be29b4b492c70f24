package com.example.shop.platform.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The size of every servlet service's request threads, connection queue and database pool, written down once
 * (docs/reliability.md, "Pools, queues and limits sized on purpose", says why each has its size). They are
 * defaults: added last, so a service's own {@code application.yml}, the environment or a test can change any
 * of them.
 *
 * <ul>
 * <li>{@code server.tomcat.threads.max} 200: above the most requests a service has in flight at 64 users,
 * including up to 64 logins waiting in customer-service's hashing line (which must not starve its key set and
 * profile reads). Threads are made on demand; an idle one costs nothing.</li>
 * <li>{@code server.tomcat.max-connections} 1024 and {@code accept-count} 100: open connections beyond the
 * threads wait for one (the gateway's route time limit bounds how long); past 1,024 the kernel queues 100
 * more, then refuses.</li>
 * <li>{@code spring.datasource.hikari.maximum-pool-size} 10: PostgreSQL has two cores; ten connections per
 * service keep commits flowing while others wait on the disk, and nine services stay under its 100
 * connections. {@code minimum-idle} 2: a service at rest keeps two, not ten, open.</li>
 * <li>{@code spring.datasource.hikari.connection-timeout} 5,000 ms (HikariCP's default: 30): a request that has
 * waited that long for a connection is answered 503 with {@code Retry-After} ({@link ProblemDetailsHandler}),
 * well before the gateway's route time limits (10-15 s), so the caller gets an answer, not a time-out.</li>
 * </ul>
 */
public class ServicePools implements EnvironmentPostProcessor {

    static final String SOURCE = "shopServicePools";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "server.tomcat.threads.max", "200",
                "server.tomcat.threads.min-spare", "10",
                "server.tomcat.max-connections", "1024",
                "server.tomcat.accept-count", "100",
                "spring.datasource.hikari.maximum-pool-size", "10",
                "spring.datasource.hikari.minimum-idle", "2",
                "spring.datasource.hikari.connection-timeout", "5000")));
    }
}
