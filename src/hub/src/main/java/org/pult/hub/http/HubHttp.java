package org.pult.hub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;

/** Builds the hub's HTTP server: the API routes, JSON errors, a body size cap, no banner. */
public final class HubHttp {

    private HubHttp() {
    }

    public static Javalin create(ApiServices services, ObjectMapper mapper) {
        BearerAuth bearerAuth = new BearerAuth(services.authenticator());
        JsonRequests requests = new JsonRequests(mapper);
        ApiRoutes api = new ApiRoutes(services, bearerAuth, requests);
        ActionRoutes actions = new ActionRoutes(bearerAuth, services.actions(), requests);
        EventRoutes events = new EventRoutes(bearerAuth, services.events(), services.signal(), mapper,
                services.heartbeat());
        TeamRoutes team = new TeamRoutes(bearerAuth, services.users());
        QueueRoutes queues = new QueueRoutes(bearerAuth, services.queues(), services.intake(), requests);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = JsonRequests.MAX_BODY_BYTES;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrorPage(mapper)));
            api.register(config.routes);
            actions.register(config.routes);
            events.register(config.routes);
            team.register(config.routes);
            queues.register(config.routes);
            ErrorResponses.register(config.routes);
        });
    }
}
