package com.example.shop.gateway.routing;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import com.example.shop.gateway.problem.Problems;
import com.example.shop.gateway.tracing.RequestIdFilter;

/**
 * The circuit breakers' fallback ({@code forward:/fallback/<service>}): turns a service that is down, too slow
 * or behind an open circuit into a fast problem+json answer instead of a hanging or raw error response.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    // Written directly rather than returned as a body: content negotiation would read the Accept header, and one
    // Spring cannot parse (*/*;q=abc, application/json; charset=ebcdic) left the problem without its body.
    @RequestMapping("/fallback/{service}")
    Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            // Only the gateway's own forward carries a failure; a client calling this path directly gets the same
            // answer as for any path that is not routed.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        HttpStatus status;
        String detail;
        if (isTimeout(failure)) {
            status = HttpStatus.GATEWAY_TIMEOUT;
            detail = service + " did not answer in time; try again shortly.";
        }
        else {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = service + " is unavailable; try again shortly.";
        }
        if (failure instanceof CallNotPermittedException) {
            log.debug("Circuit of {} is open", service);
        }
        else {
            log.warn("{} failed for request {}: {}", service,
                    exchange.getRequest().getHeaders().getFirst(RequestIdFilter.HEADER), failure.toString());
        }
        return Problems.write(exchange.getResponse(), status, detail);
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof ResponseStatusException rse && rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return true;
            }
        }
        return false;
    }
}
