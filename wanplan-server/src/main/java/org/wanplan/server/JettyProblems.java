package org.wanplan.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty itself answers, before a request reaches the API (a malformed request line, a header too
 * large, a bad URI, a body over the limit): an RFC 9457 problem, like every other error, instead of
 * Jetty's HTML page; with the same security headers.
 */
final class JettyProblems extends ErrorHandler {
    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        HttpFields.Mutable headers = response.getHeaders();
        decorate(headers);
        response.write(true, body(code, message, request.getHttpURI().getPath()), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        decorate(fields);
        return body(status, reason, null);
    }

    private static void decorate(HttpFields.Mutable headers) {
        headers.put(HttpHeader.CONTENT_TYPE, WanplanServer.PROBLEM_JSON);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        WanplanServer.SECURITY_HEADERS.forEach(headers::put);
    }

    private static ByteBuffer body(int status, String message, String path) {
        String reason = Optional.ofNullable(HttpStatus.getMessage(status)).orElse("Error");
        String detail = message == null || message.isBlank() ? reason : message;
        WanplanServer.ProblemBody body = new WanplanServer.ProblemBody(
                WanplanServer.PROBLEM_TYPE + "http-" + status,
                reason,
                status,
                detail,
                "http-" + status,
                path == null ? "" : path,
                Optional.empty(),
                Optional.empty());
        return ByteBuffer.wrap(Api.write(Json.tree(body)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
