package org.pult.hub.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON request bodies with a size cap. The cap is enforced on the bytes actually read, so
 * a chunked body without Content-Length cannot get past it either.
 */
final class JsonRequests {

    static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * How much of a refused body is still read and thrown away so the client, still sending,
     * gets the 413 instead of a reset connection. Bigger bodies are cut off.
     */
    private static final long MAX_DRAINED_BYTES = 1024 * 1024;

    private final ObjectMapper mapper;

    JsonRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    <T> T read(Context ctx, Class<T> type) throws IOException {
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            if (ctx.contentLength() > MAX_BODY_BYTES) {
                throw refused(in);
            }
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw refused(in);
            }
        }
        if (body.length == 0) {
            throw ApiProblem.badRequest("Request body is empty; expected a JSON " + type.getSimpleName());
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JsonParseException e) {
            throw ApiProblem.badRequest("Request body is not valid JSON");
        } catch (MismatchedInputException e) {
            throw ApiProblem.badRequest("Request body is not a JSON " + type.getSimpleName() + fieldOf(e));
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("Request body is not a JSON " + type.getSimpleName());
        }
        if (value == null) {
            throw ApiProblem.badRequest("Request body is null; expected a JSON " + type.getSimpleName());
        }
        return value;
    }

    private static ApiProblem refused(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long left = MAX_DRAINED_BYTES;
        int read;
        while (left > 0 && (read = in.read(sink, 0, (int) Math.min(sink.length, left))) >= 0) {
            left -= read;
        }
        return ApiProblem.tooLarge(MAX_BODY_BYTES);
    }

    /** Names the field whose value has the wrong type, never the value (it may be a password). */
    private static String fieldOf(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .reduce((a, b) -> a + "." + b)
                .orElse(null);
        return field == null ? "" : ": field '" + field + "' has the wrong type";
    }
}
