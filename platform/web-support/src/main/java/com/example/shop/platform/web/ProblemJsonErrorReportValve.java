package com.example.shop.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word on an error no application code answered, as {@code application/problem+json} instead of
 * Tomcat's HTML page. It speaks for what Tomcat refuses before Spring sees the request: a path whose %-escapes are
 * not UTF-8 (400), an {@code Expect} other than {@code 100-continue} (417), and the like. It reveals nothing of the
 * server or of the exception, only the status and what the status means.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        boolean malformed = throwable != null && MalformedRequests.isMalformedRequest(throwable);
        String detail = malformed ? MalformedRequests.detail(throwable) : ProblemResponses.defaultDetail(status);
        try {
            if (malformed && status == 500) {
                status = 400;
                response.setStatus(status);
            }
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemResponses.json(status, detail));
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // The connection is gone or the response was committed meanwhile: nothing more can be said.
        }
    }
}
