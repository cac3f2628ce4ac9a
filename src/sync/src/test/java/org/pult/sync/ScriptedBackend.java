package org.pult.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server (the JDK's) that answers each path with whatever the test scripted: the
 * backends that are broken, impostors, or from the future, which the hub never is.
 */
final class ScriptedBackend implements AutoCloseable {

    record Answer(int status, String contentType, String body) {
    }

    record Seen(String method, String rawPath, String authorization, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    ScriptedBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    ScriptedBackend answer(String path, int status, String contentType, String body) {
        answers.put(path, new Answer(status, contentType, body));
        return this;
    }

    ScriptedBackend json(String path, int status, String body) {
        return answer(path, status, "application/json", body);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Seen> requests() {
        return seen;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String rawPath = exchange.getRequestURI().getRawPath();
        seen.add(new Seen(exchange.getRequestMethod(), rawPath,
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Answer answer = answers.getOrDefault(rawPath, new Answer(404, "text/html", "<html><body>Not here</body></html>"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
