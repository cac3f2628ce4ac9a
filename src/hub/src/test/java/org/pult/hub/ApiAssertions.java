package org.pult.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.pult.core.api.ApiError;

/** Checks every error answer has the contract's shape: status, JSON content type, ApiError body. */
final class ApiAssertions {

    private ApiAssertions() {
    }

    static ApiError assertApiError(ApiCalls api, HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertJson(response);
        ApiError error = api.error(response);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.message()).isNotBlank();
        return error;
    }

    static void assertJson(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }
}
