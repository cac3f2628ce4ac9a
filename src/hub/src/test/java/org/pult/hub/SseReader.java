package org.pult.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A plain server-sent-events reader over the JDK client: what arrives, line by line, parsed. */
final class SseReader implements AutoCloseable {

    /** One dispatched event, or a comment line (then only {@code comment} is set). */
    record Frame(String id, String event, String data, String comment) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    SseReader(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        // An error answer is a JSON body the test reads itself.
        reader = response.statusCode() == 200 ? Thread.ofVirtual().start(this::read) : null;
    }

    int status() {
        return response.statusCode();
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next frame, or null after {@code timeout}. */
    Frame next(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next {@code count} events, skipping comments; fails if they do not come in time. */
    List<Frame> events(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Frame> events = new ArrayList<>();
        while (events.size() < count) {
            long left = deadline - System.nanoTime();
            Frame frame = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("Only " + events.size() + " of " + count + " events arrived: " + events);
            }
            if (frame.comment() == null) {
                events.add(frame);
            }
        }
        return events;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty() || event != null) {
                        frames.add(new Frame(id, event, data.toString(), null));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    frames.add(new Frame(null, null, null, line.substring(1).strip()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // The stream ended; the test sees no more frames.
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        if (reader != null) {
            reader.interrupt();
        }
    }
}
