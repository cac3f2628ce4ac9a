package org.pult.hub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.pult.core.api.ApiError;

/**
 * Errors Jetty answers before a request reaches Javalin (an unparsable URI, oversized headers)
 * would otherwise be an HTML page; this keeps them in the API's JSON shape too.
 */
final class JettyErrorPage extends ErrorHandler {

    private final ObjectMapper mapper;

    JettyErrorPage(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String reason = HttpStatus.getMessage(code);
        byte[] body = mapper.writeValueAsBytes(new ApiError(ErrorResponses.codeFor(code), reason));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
