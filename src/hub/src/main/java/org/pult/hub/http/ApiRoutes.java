package org.pult.hub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.LoginRequest;
import org.pult.core.api.LoginResponse;
import org.pult.core.model.Message;
import org.pult.hub.auth.Authenticator;
import org.pult.hub.store.ConversationStore;
import org.pult.hub.store.StoredUser;

/** The endpoints of REST contract version 1 (see {@link ApiPaths}). */
final class ApiRoutes {

    private static final String CONVERSATION_ID = "id";
    static final String OPENAPI_RESOURCE = "/org/pult/hub/openapi.yaml";

    private final Authenticator authenticator;
    private final BearerAuth bearerAuth;
    private final ConversationStore conversations;
    private final JsonRequests requests;

    ApiRoutes(Authenticator authenticator, ConversationStore conversations, ObjectMapper mapper) {
        this.authenticator = authenticator;
        this.bearerAuth = new BearerAuth(authenticator);
        this.conversations = conversations;
        this.requests = new JsonRequests(mapper);
    }

    void register(RoutesConfig routes) {
        routes.get(ApiPaths.HEALTH, ctx -> ctx.json(Map.of("status", "ok")));
        routes.get(ApiPaths.OPENAPI, this::openApi);
        routes.post(ApiPaths.LOGIN, this::login);
        routes.get(ApiPaths.ME, ctx -> ctx.json(bearerAuth.caller(ctx).profile()));
        routes.get(ApiPaths.CONVERSATIONS, ctx -> ctx.json(conversations.assignedTo(bearerAuth.caller(ctx).id())));
        routes.get(ApiPaths.messagesOf("{" + CONVERSATION_ID + "}"), this::messages);
    }

    private void login(Context ctx) throws Exception {
        LoginRequest request = requests.read(ctx, LoginRequest.class);
        if (request.username() == null || request.username().isBlank() || request.password() == null) {
            throw ApiProblem.badRequest("Both username and password are required");
        }
        LoginResponse response = authenticator.login(request.username(), request.password().toCharArray())
                .orElseThrow(ApiProblem::invalidCredentials);
        ctx.json(response);
    }

    private void openApi(Context ctx) throws IOException {
        try (InputStream document = ApiRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (document == null) {
                throw new IllegalStateException("The hub jar lacks " + OPENAPI_RESOURCE);
            }
            ctx.contentType("application/yaml; charset=utf-8").result(document.readAllBytes());
        }
    }

    private void messages(Context ctx) throws Exception {
        StoredUser caller = bearerAuth.caller(ctx);
        String conversationId = ctx.pathParam(CONVERSATION_ID);
        List<Message> timeline = conversations.messagesOf(conversationId, caller.id())
                .orElseThrow(() -> ApiProblem.notFound("No conversation " + conversationId));
        ctx.json(timeline);
    }
}
