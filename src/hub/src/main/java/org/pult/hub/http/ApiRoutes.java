package org.pult.hub.http;

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
import org.pult.hub.sip.SipProvisioning;
import org.pult.hub.store.CodeLists;
import org.pult.hub.store.ConversationStore;
import org.pult.hub.store.NoteStore;
import org.pult.hub.store.StoredUser;

/** The endpoints of REST contract version 1 (see {@link ApiPaths}). */
final class ApiRoutes {

    private static final String CONVERSATION_ID = "id";
    static final String OPENAPI_RESOURCE = "/org/pult/hub/openapi.yaml";

    private final Authenticator authenticator;
    private final BearerAuth bearerAuth;
    private final ConversationStore conversations;
    private final NoteStore notes;
    private final CodeLists codes;
    private final SipProvisioning sip;
    private final JsonRequests requests;

    ApiRoutes(ApiServices services, BearerAuth bearerAuth, JsonRequests requests) {
        this.authenticator = services.authenticator();
        this.bearerAuth = bearerAuth;
        this.conversations = services.conversations();
        this.notes = services.notes();
        this.codes = services.codes();
        this.sip = services.sip();
        this.requests = requests;
    }

    void register(RoutesConfig routes) {
        routes.get(ApiPaths.HEALTH, ctx -> ctx.json(Map.of("status", "ok")));
        routes.get(ApiPaths.OPENAPI, this::openApi);
        routes.post(ApiPaths.LOGIN, this::login);
        routes.post(ApiPaths.TOKEN_REFRESH, ctx -> ctx.json(bearerAuth.renew(ctx)));
        routes.get(ApiPaths.ME, ctx -> ctx.json(sip.profileOf(bearerAuth.caller(ctx))));
        routes.get(ApiPaths.CONVERSATIONS, ctx -> ctx.json(conversations.assignedTo(bearerAuth.caller(ctx).id())));
        routes.get(ApiPaths.messagesOf("{" + CONVERSATION_ID + "}"), this::messages);
        routes.get(ApiPaths.notesOf("{" + CONVERSATION_ID + "}"), this::notes);
        routes.get(ApiPaths.REASON_CODES, ctx -> {
            bearerAuth.caller(ctx);
            ctx.json(codes.list(CodeLists.Kind.REASONS));
        });
        routes.get(ApiPaths.DISPOSITIONS, ctx -> {
            bearerAuth.caller(ctx);
            ctx.json(codes.list(CodeLists.Kind.DISPOSITIONS));
        });
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

    private void notes(Context ctx) throws Exception {
        StoredUser caller = bearerAuth.caller(ctx);
        String conversationId = ctx.pathParam(CONVERSATION_ID);
        if (!conversations.isAssigned(conversationId, caller.id())) {
            throw ApiProblem.notFound("No conversation " + conversationId);
        }
        ctx.json(notes.of(conversationId));
    }
}
