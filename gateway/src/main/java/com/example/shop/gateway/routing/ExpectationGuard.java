package com.example.shop.gateway.routing;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.example.shop.gateway.problem.Problems;

/**
 * Answers an {@code Expect} header the gateway cannot meet with 417 Expectation Failed (RFC 9110, section 10.1.1),
 * as a problem, instead of passing it on: {@code 100-continue} is the only expectation HTTP defines, and a service
 * given another one answers with its servlet container's HTML error page. {@code 100-continue} itself is handled by
 * the server and passed on as usual.
 */
@Component
class ExpectationGuard implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!canMeet(exchange.getRequest().getHeaders().get(HttpHeaders.EXPECT))) {
            return Problems.write(exchange.getResponse(), HttpStatus.EXPECTATION_FAILED,
                    "The only expectation the gateway meets is Expect: 100-continue.");
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // With the path guard, before security and routing: nothing with an unmet expectation reaches a service.
        return Ordered.HIGHEST_PRECEDENCE + 11;
    }

    /** True when there is no Expect header or every expectation in it is {@code 100-continue}. */
    static boolean canMeet(List<String> expectations) {
        if (expectations == null) {
            return true;
        }
        for (String header : expectations) {
            for (String expectation : header.split(",", -1)) {
                if (!expectation.strip().equalsIgnoreCase("100-continue")) {
                    return false;
                }
            }
        }
        return true;
    }
}
