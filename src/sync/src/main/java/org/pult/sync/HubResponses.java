package org.pult.sync;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.Response;
import org.pult.core.api.ApiError;
import org.pult.core.api.ApiErrorCodes;
import org.pult.sync.SyncException.Reason;

/** Turns the backend's HTTP answers into values or into a {@link SyncException} with a reason. */
final class HubResponses {

    private final ObjectMapper json;

    HubResponses(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The decoded body of a successful answer, or the failure it stands for.
     *
     * @throws IOException if reading the body fails on the network, which the caller reports as unreachable
     */
    <T> T decode(Response response, JavaType type, String what) throws SyncException, IOException {
        if (!response.isSuccessful()) {
            throw failure(response, what);
        }
        T value;
        try (InputStream body = response.body().byteStream()) {
            value = json.readValue(body, type);
        } catch (JacksonException e) {
            throw malformed(response, what, "its body is not " + describe(type), e);
        }
        if (value == null) {
            throw malformed(response, what, "its body is null", null);
        }
        return value;
    }

    private SyncException malformed(Response response, String what, String problem, Throwable cause) {
        String contentType = response.header("Content-Type", "no content type");
        return new SyncException(Reason.MALFORMED_RESPONSE,
                "Unexpected answer to " + what + " from " + HubUrls.display(response.request().url())
                        + " (HTTP " + response.code() + ", " + contentType + "): " + problem
                        + "; is this a Pult backend?",
                cause, response.code(), null);
    }

    private SyncException failure(Response response, String what) throws IOException {
        int status = response.code();
        ApiError error = apiError(response);
        String code = error == null ? null : error.code();
        String detail = error == null ? "no error details" : error.code() + ": " + error.message();
        if (status == 401) {
            Reason reason = ApiErrorCodes.INVALID_CREDENTIALS.equals(code)
                    ? Reason.INVALID_CREDENTIALS
                    : Reason.UNAUTHORIZED;
            return new SyncException(reason, what + " was refused (HTTP 401, " + detail + ")", null, status, code);
        }
        if (status == 404 && error == null) {
            return malformed(response, what, "no such endpoint and no Pult error body", null);
        }
        return new SyncException(Reason.SERVER_ERROR,
                what + " failed at " + HubUrls.display(response.request().url()) + " (HTTP " + status + ", " + detail + ")",
                null, status, code);
    }

    /** The ApiError in an error answer's body, or null if the body is anything else. */
    private ApiError apiError(Response response) throws IOException {
        try (InputStream body = response.body().byteStream()) {
            ApiError error = json.readValue(body, ApiError.class);
            return error != null && error.code() != null && !error.code().isBlank() ? error : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String describe(JavaType type) {
        return type.isCollectionLikeType()
                ? "a JSON list of " + type.getContentType().getRawClass().getSimpleName()
                : "a JSON " + type.getRawClass().getSimpleName();
    }
}
