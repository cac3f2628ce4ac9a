package org.pult.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.pult.core.api.ActionBatch;
import org.pult.core.api.ActionBatchResult;
import org.pult.core.api.ActionRequest;
import org.pult.core.api.ActionResult;
import org.pult.core.api.ApiPaths;
import org.pult.core.api.CodeOption;
import org.pult.core.api.EventPage;
import org.pult.core.api.TeamMember;
import org.pult.core.api.LoginRequest;
import org.pult.core.api.LoginResponse;
import org.pult.core.api.TokenResponse;
import org.pult.core.model.Conversation;
import org.pult.core.model.Message;
import org.pult.core.model.OperatorProfile;
import org.pult.sync.SyncException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST contract (version 1) from the client side: one method per endpoint, blocking, so call
 * it off the FX thread. Every failure is a {@link SyncException} with a {@link Reason}.
 */
public final class HubClient implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(HubClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Room under the backend's 64 KiB body cap. */
    static final int BATCH_BODY_BYTES = 48 * 1024;

    private final HttpUrl base;
    private final OkHttpClient http;
    private final ObjectMapper json = SyncJson.newMapper();
    private final HubResponses responses = new HubResponses(json);
    private final boolean ownsHttp;

    /** A client for the backend at {@code baseUri} (http or https, with a host). */
    public HubClient(URI baseUri) {
        this(HubUrls.require(Objects.requireNonNull(baseUri, "baseUri")), defaultHttpClient(), true);
    }

    /** As {@link #HubClient(URI)}, with the caller's OkHttp client (its timeouts, pool, TLS). */
    public HubClient(URI baseUri, OkHttpClient http) {
        this(HubUrls.require(Objects.requireNonNull(baseUri, "baseUri")), http);
    }

    private HubClient(HttpUrl base, OkHttpClient http, boolean ownsHttp) {
        this.base = base;
        this.http = Objects.requireNonNull(http, "http");
        this.ownsHttp = ownsHttp;
    }

    private HubClient(HttpUrl base, OkHttpClient http) {
        this(base, http, false);
    }

    /** A client for a URL a person typed; BAD_URL says what is wrong with it. */
    public static HubClient forUrl(String url) throws SyncException {
        return new HubClient(HubUrls.parse(url), defaultHttpClient(), true);
    }

    static OkHttpClient defaultHttpClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .build();
    }

    public URI baseUri() {
        return base.uri();
    }

    /** Signs in; INVALID_CREDENTIALS if the backend refuses the name or password. */
    public LoginResponse login(String username, String password) throws SyncException {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Request request = new Request.Builder()
                .url(url(ApiPaths.LOGIN))
                .post(RequestBody.create(body(new LoginRequest(username, password)), JSON))
                .build();
        LoginResponse response = call(request, "Sign-in", type(LoginResponse.class));
        if (response.token() == null || response.token().isBlank() || response.operator() == null) {
            throw new SyncException(Reason.MALFORMED_RESPONSE,
                    "Sign-in answer from " + HubUrls.display(base) + " lacks a token or operator; is this a Pult backend?");
        }
        return response;
    }

    /**
     * A renewed token for {@code token}, which keeps working only a little longer. UNAUTHORIZED if
     * it has expired: then only a new sign-in helps.
     */
    public TokenResponse renewToken(String token) throws SyncException {
        Request request = new Request.Builder()
                .url(url(ApiPaths.TOKEN_REFRESH))
                .header("Authorization", "Bearer " + Objects.requireNonNull(token, "token"))
                .post(RequestBody.create(new byte[0], JSON))
                .build();
        TokenResponse response = call(request, "Renewing the session", type(TokenResponse.class));
        if (response.token() == null || response.token().isBlank()) {
            throw new SyncException(Reason.MALFORMED_RESPONSE,
                    "The renewal answer from " + HubUrls.display(base) + " lacks a token");
        }
        return response;
    }

    /** The signed-in operator. */
    public OperatorProfile me(String token) throws SyncException {
        return call(authorized(url(ApiPaths.ME), token), "Reading the operator profile", type(OperatorProfile.class));
    }

    /** The conversations assigned to the signed-in operator, newest activity first. */
    public List<Conversation> conversations(String token) throws SyncException {
        return nonNullElements(call(authorized(url(ApiPaths.CONVERSATIONS), token), "Reading conversations",
                listOf(Conversation.class)), "conversations");
    }

    /** One conversation's timeline, oldest first; SERVER_ERROR with code not_found if it is not the caller's. */
    public List<Message> messages(String token, String conversationId) throws SyncException {
        Objects.requireNonNull(conversationId, "conversationId");
        HttpUrl url = url(ApiPaths.CONVERSATIONS).newBuilder()
                .addPathSegment(conversationId)
                .addPathSegment("messages")
                .build();
        return nonNullElements(call(authorized(url, token), "Reading messages of conversation " + conversationId,
                listOf(Message.class)), "messages");
    }

    /**
     * Sends one operator action. A key the backend already applied answers with the first result,
     * so sending again after a lost answer is safe. {@link SyncException#isPermanent()} tells a
     * rejection from a failure worth retrying.
     */
    public ActionResult submit(String token, ActionRequest action) throws SyncException {
        Objects.requireNonNull(action, "action");
        Request request = new Request.Builder()
                .url(url(ApiPaths.ACTIONS))
                .header("Authorization", "Bearer " + Objects.requireNonNull(token, "token"))
                .post(RequestBody.create(body(action), JSON))
                .build();
        ActionResult result = call(request, "Sending " + action.type() + " " + action.idempotencyKey(),
                type(ActionResult.class));
        if (!action.idempotencyKey().equals(result.idempotencyKey())) {
            throw new SyncException(Reason.MALFORMED_RESPONSE, "The answer to action " + action.idempotencyKey()
                    + " from " + HubUrls.display(base) + " names another action");
        }
        return result;
    }

    /**
     * The most of {@code actions}, from the first, that fit in one batch: at most
     * {@link ActionBatch#MAX_ACTIONS} and within {@link #BATCH_BODY_BYTES} of JSON (the backend caps
     * request bodies at 64 KiB). Always at least one: a single action goes alone anyway.
     */
    public int batchable(List<ActionRequest> actions) {
        int bytes = 16;
        int count = 0;
        for (ActionRequest action : actions) {
            bytes += body(action).length + 1;
            if (count > 0 && (bytes > BATCH_BODY_BYTES || count == ActionBatch.MAX_ACTIONS)) {
                break;
            }
            count++;
        }
        return count;
    }

    /**
     * Sends several actions in one request ({@code POST /actions/batch}); the answer has one item
     * per action, in order. A refusal of the whole batch (a backend without batches, too large)
     * is a permanent {@link SyncException}; a failure that may pass applied nothing.
     */
    public ActionBatchResult submitAll(String token, List<ActionRequest> actions) throws SyncException {
        Request request = new Request.Builder()
                .url(url(ApiPaths.ACTION_BATCHES))
                .header("Authorization", "Bearer " + Objects.requireNonNull(token, "token"))
                .post(RequestBody.create(body(new ActionBatch(actions)), JSON))
                .build();
        ActionBatchResult answer = call(request, "Sending " + actions.size() + " actions", type(ActionBatchResult.class));
        List<ActionBatchResult.Item> items = answer.results();
        boolean matches = items.size() == actions.size();
        for (int i = 0; matches && i < items.size(); i++) {
            ActionBatchResult.Item item = items.get(i);
            matches = actions.get(i).idempotencyKey().equals(item.idempotencyKey())
                    && (item.status() == ActionBatchResult.Status.REJECTED ? item.error() != null : item.result() != null);
        }
        if (!matches) {
            throw new SyncException(Reason.MALFORMED_RESPONSE, "The answer to a batch of " + actions.size()
                    + " actions from " + HubUrls.display(base) + " does not answer each of them in order");
        }
        return answer;
    }

    /** The caller's events after {@code since}, oldest first. */
    public EventPage events(String token, long since, int limit) throws SyncException {
        HttpUrl url = url(ApiPaths.EVENTS).newBuilder()
                .addQueryParameter("since", Long.toString(since))
                .addQueryParameter("limit", Integer.toString(limit))
                .build();
        // A null among the events fails in EventPage's constructor and reads as MALFORMED_RESPONSE.
        return call(authorized(url, token), "Reading events after " + since, type(EventPage.class));
    }

    /** The reasons an operator may give for NOT_READY. */
    public List<CodeOption> reasonCodes(String token) throws SyncException {
        return nonNullElements(call(authorized(url(ApiPaths.REASON_CODES), token), "Reading reason codes",
                listOf(CodeOption.class)), "reason codes");
    }

    /** The codes a conversation may be wrapped up with. */
    public List<CodeOption> dispositions(String token) throws SyncException {
        return nonNullElements(call(authorized(url(ApiPaths.DISPOSITIONS), token), "Reading dispositions",
                listOf(CodeOption.class)), "dispositions");
    }

    /** Supervisors and admins: every operator and their state; SERVER_ERROR 403 for operators. */
    public List<TeamMember> team(String token) throws SyncException {
        return nonNullElements(call(authorized(url(ApiPaths.TEAM), token), "Reading the team",
                listOf(TeamMember.class)), "team members");
    }

    /** The event stream's address, for {@link EventStream}. */
    HttpUrl eventStreamUrl() {
        return url(ApiPaths.EVENTS_STREAM);
    }

    OkHttpClient http() {
        return http;
    }

    private <T> T call(Request request, String what, JavaType type) throws SyncException {
        try (Response response = http.newCall(request).execute()) {
            LOG.debug("{} {} -> {}", request.method(), request.url().encodedPath(), response.code());
            return responses.decode(response, type, what);
        } catch (IOException e) {
            throw new SyncException(Reason.UNREACHABLE,
                    "Cannot reach the Pult backend at " + HubUrls.display(base) + ": " + describe(e), e);
        }
    }

    private Request authorized(HttpUrl url, String token) {
        Objects.requireNonNull(token, "token");
        return new Request.Builder().url(url).header("Authorization", "Bearer " + token).get().build();
    }

    /** An API path (absolute, e.g. /api/v1/me) under the base URL, which may have a path of its own. */
    private HttpUrl url(String apiPath) {
        HttpUrl.Builder builder = base.newBuilder();
        if (base.pathSegments().getLast().isEmpty()) {
            builder.removePathSegment(base.pathSize() - 1);
        }
        return builder.addPathSegments(apiPath.substring(1)).build();
    }

    private byte[] body(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private JavaType type(Class<?> type) {
        return json.constructType(type);
    }

    private JavaType listOf(Class<?> element) {
        return json.getTypeFactory().constructCollectionType(List.class, element);
    }

    private <T> List<T> nonNullElements(List<T> list, String what) throws SyncException {
        if (list.contains(null)) {
            throw new SyncException(Reason.MALFORMED_RESPONSE,
                    "The list of " + what + " from " + HubUrls.display(base) + " contains null entries");
        }
        return List.copyOf(list);
    }

    private static String describe(IOException e) {
        return switch (e) {
            case ConnectException c -> "connection refused";
            case SocketTimeoutException t -> "no answer in time";
            case UnknownHostException u -> "unknown host";
            default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        };
    }

    /**
     * Lets go of the connection pool and the dispatcher's threads, when this client made its own
     * OkHttp client; a caller's client is left to the caller. Calls in flight are cancelled.
     */
    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().cancelAll();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "HubClient[" + HubUrls.display(base) + "]";
    }
}
