package com.example.shop.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders every error the gateway itself raises (no route, bad request, unexpected failures) as
 * problem+json. It runs before Boot's default handler ({@link ErrorWebFluxAutoConfiguration}, order -1),
 * whose JSON shape differs from the services' problem details.
 */
@Component
@Order(-2)
class ProblemJsonErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        return switch (ex) {
            case AuthenticationServiceException authEx -> {
                // The token could not be checked at all (the JWKS of customer-service is unreachable): that is
                // the identity service being unavailable, not the caller's fault.
                log.warn("Cannot validate bearer token: {}", authEx.getMessage());
                yield Problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
                        "Tokens cannot be checked right now; try again shortly.");
            }
            case ErrorResponse errorResponse -> fromErrorResponse(exchange, errorResponse, ex);
            default -> {
                log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), ex);
                yield Problems.write(exchange.getResponse(), HttpStatus.INTERNAL_SERVER_ERROR,
                        "An unexpected error occurred.");
            }
        };
    }

    private Mono<Void> fromErrorResponse(ServerWebExchange exchange, ErrorResponse errorResponse, Throwable ex) {
        HttpStatusCode status = errorResponse.getStatusCode();
        errorResponse.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().put(name, values));
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return Problems.write(exchange.getResponse(), status, "There is nothing at this path.");
        }
        if (status.is5xxServerError()) {
            // Gateway-internal 5xx details (timeouts, pool exhaustion) are for the log, not for callers.
            log.warn("{} on {} {}: {}", status.value(), exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), ex.getMessage());
            return Problems.write(exchange.getResponse(), status, "The request could not be completed; try again shortly.");
        }
        String detail = errorResponse.getBody().getDetail();
        return Problems.write(exchange.getResponse(), status, detail != null ? detail : "The request is not valid.");
    }
}
