package org.pult.hub;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.pult.core.api.ApiError;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.LoginRequest;
import org.pult.core.api.LoginResponse;
import org.pult.hub.http.HubJson;

/** Real HTTP calls against a running hub, with the JDK client. */
final class ApiCalls {

    static final String DEMO_PASSWORD = "pult-demo";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = HubJson.newMapper();

    ApiCalls(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path, String token) {
        return getWithAuthorization(path, token == null ? null : "Bearer " + token);
    }

    HttpResponse<String> getWithAuthorization(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    HttpResponse<String> post(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    HttpResponse<String> login(String username, String password) {
        return post(ApiPaths.LOGIN, write(new LoginRequest(username, password)));
    }

    /** Signs in and returns the bearer token; fails the test if the hub refuses. */
    String tokenFor(String username) {
        HttpResponse<String> response = login(username, DEMO_PASSWORD);
        if (response.statusCode() != 200) {
            throw new AssertionError("Sign-in of " + username + " failed: " + response.statusCode() + " " + response.body());
        }
        return read(response, LoginResponse.class).token();
    }

    <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a " + type.getSimpleName() + ": " + response.body(), e);
        }
    }

    <T> T read(HttpResponse<String> response, TypeReference<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unexpected body: " + response.body(), e);
        }
    }

    <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a " + type.getSimpleName() + ": " + body, e);
        }
    }

    ApiError error(HttpResponse<String> response) {
        return read(response, ApiError.class);
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
