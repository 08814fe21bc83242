package org.greffe.app;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat refuses some requests before any Greffe code runs (a NUL or an encoded slash in the path, for instance) and
 * would answer them with an HTML page. This valve answers those too as problem+json, like every other error.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + (status < 500 ? "Bad request" : "Error")
                        + "\",\"status\":" + status + ",\"detail\":\"the request was refused before reaching "
                        + "Greffe (malformed URL or headers)\"}");
            }
        } catch (IOException | IllegalStateException e) {
            // the response is already committed or closed: nothing more can be said to this client
        }
    }
}
