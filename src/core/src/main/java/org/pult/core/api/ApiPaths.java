package org.pult.core.api;

/** The paths of the REST contract, version 1. Shared by the hub and the sync client. */
public final class ApiPaths {
    public static final String PREFIX = "/api/v1";
    public static final String HEALTH = PREFIX + "/health";
    public static final String LOGIN = PREFIX + "/auth/login";
    public static final String ME = PREFIX + "/me";
    public static final String CONVERSATIONS = PREFIX + "/conversations";
    /** The contract itself, as OpenAPI 3.1 YAML, for people writing another backend. */
    public static final String OPENAPI = PREFIX + "/openapi.yaml";

    private ApiPaths() {
    }

    /** {@code /api/v1/conversations/{id}/messages} for one conversation. */
    public static String messagesOf(String conversationId) {
        return CONVERSATIONS + "/" + conversationId + "/messages";
    }
}
