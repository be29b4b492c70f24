package com.example.shop.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall refuses requests with a suspicious form (a ';' or an encoded '/' in the path, a control
 * or unassigned character in a parameter, non-ASCII in a header value). Its default handler sends a bare 400 that
 * ends up as Boot's error JSON; this one answers with a 400 problem like every other refusal. A bean of this type
 * is what {@code WebSecurity} gives the {@code FilterChainProxy}.
 */
final class ProblemJsonRequestRejectedHandler implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonRequestRejectedHandler.class);

    static final String DETAIL = "The request contains characters or a form that is not allowed in its path, "
            + "parameters or headers.";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            RequestRejectedException rejection) throws IOException {
        log.debug("Request rejected by the firewall: {}", rejection.getMessage());
        ProblemResponses.write(response, 400, DETAIL);
    }
}
