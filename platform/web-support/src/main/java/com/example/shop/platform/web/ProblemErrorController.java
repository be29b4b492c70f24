package com.example.shop.platform.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Boot's {@code BasicErrorController} on the error path, where the container forwards whatever ended in
 * {@code sendError} or in an exception no handler caught. Boot's controller negotiates the body's format from the
 * Accept header (and answers an unparseable one with no body at all) and writes its own JSON shape; this one always
 * writes {@code application/problem+json}, and turns the container's and the firewall's refusals of a malformed
 * request into the 400 they are.
 */
@Controller
final class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof Throwable error && MalformedRequests.isMalformedRequest(error)) {
            ProblemResponses.write(response, 400, MalformedRequests.detail(error));
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Someone asked for the error path itself: there is nothing to show there.
        int status = code instanceof Integer number && number >= 400 ? number : 404;
        ProblemResponses.write(response, status, ProblemResponses.defaultDetail(status));
    }
}
