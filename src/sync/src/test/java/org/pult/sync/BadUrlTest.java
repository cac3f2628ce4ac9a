package org.pult.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.pult.sync.SyncFailures.failure;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pult.sync.SyncException.Reason;

class BadUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                              | empty",
            "'   '                           | empty",
            "localhost:8080                  | no http:// or https://",
            "pult.example.com                | no http:// or https://",
            "ftp://pult.example.com          | uses ftp",
            "file:///etc/passwd              | uses file",
            "http://                         | no valid host",
            "http://exa mple.com             | no valid host",
            "https://pult.example.com/?x=1   | query or fragment",
            "https://pult.example.com/#top   | query or fragment",
    })
    void garbageIsABadUrlThatSaysWhy(String url, String why) {
        SyncException e = failure(() -> HubClient.forUrl(url));

        assertThat(e.reason()).isEqualTo(Reason.BAD_URL);
        assertThat(e.getMessage()).contains(why);
    }

    @ParameterizedTest
    @NullSource
    void noUrlAtAllIsABadUrl(String url) {
        SyncException e = failure(() -> HubClient.forUrl(url));

        assertThat(e.reason()).isEqualTo(Reason.BAD_URL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://anna:hunter2@pult.example.com", "https://anna:hunter2@"})
    void credentialsInTheUrlAreRefusedWithoutRepeatingThem(String url) {
        SyncException e = failure(() -> HubClient.forUrl(url));

        assertThat(e.reason()).isEqualTo(Reason.BAD_URL);
        assertThat(e.getMessage()).doesNotContain("hunter2");
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8080,            http://127.0.0.1:8080/",
            "'  https://pult.example.com  ',   https://pult.example.com/",
            "HTTPS://Pult.Example.com/base/,   https://pult.example.com/base/",
            "http://[::1]:9000,                http://[::1]:9000/",
    })
    void usableUrlsAreAccepted(String url, String expected) throws SyncException {
        assertThat(HubClient.forUrl(url).baseUri()).isEqualTo(URI.create(expected));
    }

    @Test
    void theUriConstructorRefusesWhatForUrlRefuses() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HubClient(URI.create("ftp://pult.example.com")))
                .withMessageContaining("ftp");
    }
}
