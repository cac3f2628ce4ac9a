package org.pult.hub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import org.pult.hub.auth.Authenticator;
import org.pult.hub.store.ConversationStore;

/** Builds the hub's HTTP server: the API routes, JSON errors, a body size cap, no banner. */
public final class HubHttp {

    private HubHttp() {
    }

    public static Javalin create(Authenticator authenticator, ConversationStore conversations) {
        ObjectMapper mapper = HubJson.newMapper();
        ApiRoutes api = new ApiRoutes(authenticator, conversations, mapper);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = JsonRequests.MAX_BODY_BYTES;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrorPage(mapper)));
            api.register(config.routes);
            ErrorResponses.register(config.routes);
        });
    }
}
