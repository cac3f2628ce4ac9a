package org.pult.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pult.core.api.ApiErrorCodes;
import org.pult.core.api.ApiPaths;

class ApiPathsTest {

    @Test
    void notesPathNamesTheConversation() {
        assertThat(ApiPaths.notesOf("c7")).isEqualTo("/api/v1/conversations/c7/notes");
    }

    @Test
    void theStreamLivesUnderTheEventLog() {
        assertThat(ApiPaths.EVENTS_STREAM).isEqualTo("/api/v1/events/stream");
    }

    @Test
    void rejectionsThatWillNeverSucceedAreToldFromTransientFailures() {
        assertThat(ApiErrorCodes.isPermanent(400)).isTrue();
        assertThat(ApiErrorCodes.isPermanent(404)).isTrue();
        assertThat(ApiErrorCodes.isPermanent(409)).isTrue();
        assertThat(ApiErrorCodes.isPermanent(422)).isTrue();
        assertThat(ApiErrorCodes.isPermanent(401)).as("sign in again, then retry").isFalse();
        assertThat(ApiErrorCodes.isPermanent(408)).isFalse();
        assertThat(ApiErrorCodes.isPermanent(429)).isFalse();
        assertThat(ApiErrorCodes.isPermanent(500)).isFalse();
        assertThat(ApiErrorCodes.isPermanent(503)).isFalse();
    }
}
