package org.pult.core.api;

/** The paths of the REST contract, version 1. Shared by the hub and the sync client. */
public final class ApiPaths {
    public static final String PREFIX = "/api/v1";
    public static final String HEALTH = PREFIX + "/health";
    public static final String LOGIN = PREFIX + "/auth/login";
    /** Renews the caller's bearer token before it expires. */
    public static final String TOKEN_REFRESH = PREFIX + "/auth/refresh";
    public static final String ME = PREFIX + "/me";
    public static final String CONVERSATIONS = PREFIX + "/conversations";
    /** Operator actions, each applied once per idempotency key ({@link ActionRequest}). */
    public static final String ACTIONS = PREFIX + "/actions";
    public static final String ACTION_BATCHES = PREFIX + "/actions/batch";
    /** The event log after a cursor: {@code ?since=<cursor>&limit=<n>} ({@link EventPage}). */
    public static final String EVENTS = PREFIX + "/events";
    /** The event log as server-sent events, resuming after {@code Last-Event-ID} or {@code ?since=}. */
    public static final String EVENTS_STREAM = EVENTS + "/stream";
    /** The reasons an operator may give for NOT_READY. */
    public static final String REASON_CODES = PREFIX + "/reason-codes";
    /** The codes an operator may close a conversation with. */
    public static final String DISPOSITIONS = PREFIX + "/dispositions";
    /** Supervisors and admins only: every operator and their state. */
    public static final String TEAM = PREFIX + "/team";
    /** Supervisors and admins only: the routing queues with their waiting work ({@link QueueSummary}). */
    public static final String QUEUES = PREFIX + "/queues";
    /** The contract itself, as OpenAPI 3.1 YAML, for people writing another backend. */
    public static final String OPENAPI = PREFIX + "/openapi.yaml";

    /** The header a hub sets to {@code true} when it answers an idempotency key it had already applied. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private ApiPaths() {
    }

    /** {@code /api/v1/conversations/{id}/messages} for one conversation. */
    public static String messagesOf(String conversationId) {
        return CONVERSATIONS + "/" + conversationId + "/messages";
    }

    /** {@code /api/v1/queues/{id}/items}: admins (integrations) put work into a queue ({@link EnqueueRequest}). */
    public static String itemsOf(String queueId) {
        return QUEUES + "/" + queueId + "/items";
    }

    /** {@code /api/v1/conversations/{id}/notes} for one conversation. */
    public static String notesOf(String conversationId) {
        return CONVERSATIONS + "/" + conversationId + "/notes";
    }
}
