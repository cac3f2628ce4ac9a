package org.pult.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ApiPaths;
import org.pult.core.model.OperatorState;

/** Posts operator actions to a running hub, as a client would. */
final class ApiActions {

    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private final URI base;
    private final ApiCalls api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiActions(URI base, ApiCalls api) {
        this.base = base;
        this.api = api;
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    HttpResponse<String> post(String token, ActionRequest action) {
        return postRaw(token, api.write(action));
    }

    HttpResponse<String> postBatch(String token, ActionRequest... batch) {
        return postRaw(token, ApiPaths.ACTION_BATCHES, api.write(new org.pult.core.api.ActionBatch(java.util.List.of(batch))));
    }

    HttpResponse<String> postRaw(String token, String body) {
        return postRaw(token, ApiPaths.ACTIONS, body);
    }

    HttpResponse<String> postRaw(String token, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ActionRequest reply(String conversationId, String text) {
        return ActionRequest.reply(newKey(), conversationId, text, AT);
    }

    static ActionRequest note(String conversationId, String text) {
        return ActionRequest.note(newKey(), conversationId, text, AT);
    }

    static ActionRequest state(OperatorState state, String reason) {
        return ActionRequest.stateChange(newKey(), state, reason, AT);
    }

    static ActionRequest disposition(String conversationId, String code) {
        return ActionRequest.disposition(newKey(), conversationId, code, "wrapped up", AT);
    }
}
