package com.example.shop.platform.web.sample;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.example.shop.platform.web.ResourceServer;

/**
 * A service in miniature for the tests that need a real embedded Tomcat: the web-support auto-configuration, a
 * security chain built by {@link ResourceServer}, and a few endpoints shaped like the services' own.
 */
@SpringBootApplication
public class SampleApplication {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return ResourceServer.build(http, rules -> rules
                .requestMatchers("/sample/**").permitAll()
                .anyRequest().authenticated());
    }

    /** A line of a cart: whole units only. */
    public record Item(String sku, int quantity) {
    }

    @RestController
    static class SampleController {

        @GetMapping("/sample/search")
        String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page) {
            return "found " + q.length() + " on page " + page;
        }

        @GetMapping("/sample/filter")
        String filter(@RequestParam Map<String, String> attributes) {
            return attributes.size() + " attributes";
        }

        @GetMapping("/sample/token")
        String token(@RequestHeader(name = "X-Cart-Token", required = false) String token) {
            return token == null ? "none" : "some";
        }

        @PostMapping("/sample/items")
        Item add(@RequestBody Item item) {
            return item;
        }

        @GetMapping("/sample/products/{id}")
        String product(@PathVariable String id) {
            throw new NoSuchProduct(id);
        }

        @GetMapping("/sample/gone")
        void gone(HttpServletResponse response) throws IOException {
            response.sendError(410);
        }

        /** Simulated latency: answers when the test opens {@link Slow#release}, or after 10 s at most. */
        @GetMapping("/sample/slow")
        String slow() throws InterruptedException {
            Slow.entered.countDown();
            Slow.release.await(10, TimeUnit.SECONDS);
            return "finished";
        }
    }

    /** A service's own "not found", answered by its own advice as the services do (catalog-service's CatalogProblems). */
    static final class NoSuchProduct extends RuntimeException {

        NoSuchProduct(String id) {
            super("No product " + id + ".");
        }
    }

    @RestControllerAdvice
    static class SampleProblems {

        @ExceptionHandler(NoSuchProduct.class)
        @ResponseStatus(HttpStatus.NOT_FOUND)
        ProblemDetail notFound(NoSuchProduct ex) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        }
    }

    /** The gates of the slow endpoint; a test replaces them before it starts. */
    public static final class Slow {

        public static volatile CountDownLatch entered = new CountDownLatch(1);

        public static volatile CountDownLatch release = new CountDownLatch(1);

        private Slow() {
        }
    }
}
