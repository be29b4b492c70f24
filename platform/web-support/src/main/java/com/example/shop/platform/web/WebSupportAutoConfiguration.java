package com.example.shop.platform.web;

import java.time.Clock;
import java.time.Duration;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.DeserializationFeature;

/**
 * What every servlet service shares at the web edge: problem+json for every error wherever it arises (handlers,
 * the error path, the security firewall, Tomcat itself), JSON bodies read strictly, the token issuer check, and a
 * readiness drain before graceful shutdown.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSupportAutoConfiguration {

    @Bean
    ProblemDetailsHandler problemDetailsHandler() {
        return new ProblemDetailsHandler();
    }

    /** Takes the place of Boot's BasicErrorController, which would write its own JSON shape or no body at all. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Ahead of every other filter, security included, so no layer negotiates with an Accept header it cannot read. */
    @Bean
    FilterRegistrationBean<UnreadableAcceptHeaderFilter> unreadableAcceptHeaderFilter() {
        var registration = new FilterRegistrationBean<>(new UnreadableAcceptHeaderFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Picked up by Spring Security's WebSecurity for the FilterChainProxy, so every chain uses it. */
    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    RequestRejectedHandler problemJsonRequestRejectedHandler() {
        return new ProblemJsonRequestRejectedHandler();
    }

    /**
     * Only tokens that customer-service issued: Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to the
     * resource server's checks of signature and expiry.
     */
    @Bean
    OAuth2TokenValidator<Jwt> shopIssuerValidator(@Value("${shop.security.issuer:shop-customer-service}") String issuer) {
        return new JwtIssuerValidator(issuer);
    }

    /**
     * Every {@link JwtDecoder} (Boot's, from {@code spring.security.oauth2.resourceserver.jwt.*}) verifies each token
     * once and remembers it: see {@link VerifiedTokenCache}. {@code shop.security.verified-tokens} (default 1000)
     * is how many; 0 verifies every request.
     */
    @Bean
    static BeanPostProcessor verifiedTokenCache(Environment environment) {
        int capacity = Binder.get(environment).bind("shop.security.verified-tokens", Integer.class).orElse(1000);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (capacity > 0 && bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)) {
                    return new VerifiedTokenCache(decoder, capacity, Clock.systemUTC());
                }
                return bean;
            }
        };
    }

    /**
     * A fraction where a whole number is expected ({@code "quantity": 1.5}) is refused instead of being truncated
     * silently, for request bodies and for whatever else the services read with Boot's JsonMapper.
     */
    @Bean
    JsonMapperBuilderCustomizer wholeNumbersStayWhole() {
        return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    /** {@code shop.shutdown.drain} (a Duration such as {@code 2s}; default 0): see {@link ReadinessDrain}. */
    @Bean
    ReadinessDrain readinessDrain(Environment environment) {
        return new ReadinessDrain(Binder.get(environment).bind("shop.shutdown.drain", Duration.class).orElse(Duration.ZERO));
    }

    /** Tomcat's own error page (for what it refuses before Spring sees the request) as problem+json. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Tomcat.class, TomcatServletWebServerFactory.class})
    static class TomcatProblems {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReportValve() {
            return new ErrorReportValveCustomizer();
        }
    }

    /**
     * Boot adds a plain ErrorReportValve to the Host (and Tomcat adds one when there is none) before the context
     * starts; replacing it once the Host's pipeline is complete makes the order of customizers irrelevant.
     */
    static final class ErrorReportValveCustomizer
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    replaceErrorReportValve(context);
                }
            }));
        }

        private static void replaceErrorReportValve(Context context) {
            Container host = context.getParent();
            if (host == null) {
                return;
            }
            boolean installed = false;
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ProblemJsonErrorReportValve) {
                    installed = true;
                }
                else if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (!installed) {
                host.getPipeline().addValve(new ProblemJsonErrorReportValve());
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
