package org.pult.hub.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.sql.SQLException;
import java.time.Duration;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.EventPage;
import org.pult.core.api.LiveEvent;
import org.pult.hub.events.EventSignal;
import org.pult.hub.store.EventLog;
import org.pult.hub.store.StoredUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log, pulled by cursor ({@code GET /api/v1/events?since=}) or streamed as server-sent
 * events ({@code GET /api/v1/events/stream}), each event with its cursor as the SSE id, so a
 * client that reconnects with {@code Last-Event-ID} resumes right after the last event it got.
 */
final class EventRoutes {

    static final int DEFAULT_LIMIT = 100;
    private static final int STREAM_BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(EventRoutes.class);

    private final BearerAuth bearerAuth;
    private final EventLog log;
    private final EventSignal signal;
    private final ObjectMapper json;
    private final Duration heartbeat;

    EventRoutes(BearerAuth bearerAuth, EventLog log, EventSignal signal, ObjectMapper json, Duration heartbeat) {
        this.bearerAuth = bearerAuth;
        this.log = log;
        this.signal = signal;
        this.json = json;
        this.heartbeat = heartbeat;
    }

    void register(RoutesConfig routes) {
        routes.get(ApiPaths.EVENTS, this::pull);
        routes.get(ApiPaths.EVENTS_STREAM, this::stream);
    }

    private void pull(Context ctx) throws SQLException {
        StoredUser caller = bearerAuth.caller(ctx);
        long since = cursor(ctx.queryParam("since"), "since");
        int limit = limit(ctx.queryParam("limit"));
        ctx.json(log.page(caller.id(), caller.role().supervises(), since, limit));
    }

    private void stream(Context ctx) throws Exception {
        StoredUser caller = bearerAuth.caller(ctx);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiProblem(406, ApiErrorCodes.NOT_ACCEPTABLE, "The event stream needs Accept: text/event-stream");
        }
        String lastEventId = ctx.header("Last-Event-ID");
        long since = lastEventId != null && !lastEventId.isBlank()
                ? cursor(lastEventId.strip(), "Last-Event-ID")
                : cursor(ctx.queryParam("since"), "since");
        new SseHandler(0, client -> follow(client, caller, since)).handle(ctx);
    }

    /** Sends everything after {@code since}, then waits for more, with a comment line when idle. */
    private void follow(SseClient client, StoredUser caller, long since) {
        long cursor = since;
        try {
            while (!client.terminated() && !signal.isClosed()) {
                long seen = signal.version();
                EventPage page = log.page(caller.id(), caller.role().supervises(), cursor, STREAM_BATCH);
                for (LiveEvent event : page.events()) {
                    client.sendEvent(event.type().name(), json.writeValueAsString(event), Long.toString(event.cursor()));
                    cursor = event.cursor();
                }
                if (!page.more() && !signal.awaitAfter(seen, heartbeat)) {
                    client.sendComment("heartbeat");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | JsonProcessingException | RuntimeException e) {
            LOG.warn("Event stream of {} ended by an error: {}", caller.username(), e.toString());
        } finally {
            client.close();
        }
    }

    private static long cursor(String text, String name) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0) {
                throw ApiProblem.badRequest(name + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name + " must be an event cursor (a whole number)");
        }
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 1 || value > EventLog.MAX_PAGE) {
                throw ApiProblem.badRequest("limit must be between 1 and " + EventLog.MAX_PAGE);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("limit must be a whole number");
        }
    }
}
