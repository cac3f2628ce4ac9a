package org.pult.app.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.app.i18n.UserMessage;
import org.pult.app.platform.AppExecutors;
import org.pult.app.session.CacheLocation;
import org.pult.app.session.Session;
import org.pult.app.session.SignInService;

/** The sign-in decisions, without a window: same-thread executors, no toolkit. */
class SignInViewModelTest {

    @TempDir
    Path home;
    private final List<Session> signedIn = new ArrayList<>();

    private SignInViewModel model() {
        return new SignInViewModel(new SignInService(new CacheLocation(home)), AppExecutors.sameThread(), signedIn::add);
    }

    @Test
    void signingInBeforeTheEmbeddedHubIsUpSaysToWait() {
        SignInViewModel model = model();
        model.usernameProperty().set("anna");
        model.passwordProperty().set("x");
        model.signIn();
        assertThat(model.errorProperty().get()).isEqualTo(UserMessage.of("signin.embedded.starting"));

        model.embeddedHubStarted(URI.create("http://127.0.0.1:1"));
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.backendUrlProperty().get()).isEqualTo("http://127.0.0.1:1");
    }

    @Test
    void aTypedBackendAddressIsNotOverwrittenByTheEmbeddedHub() {
        SignInViewModel model = model();
        model.backendUrlProperty().set("https://hub.example");
        model.embeddedHubStarted(URI.create("http://127.0.0.1:5"));
        assertThat(model.backendUrlProperty().get()).isEqualTo("https://hub.example");
    }

    @Test
    void missingFieldsAreNamedOneByOne() {
        SignInViewModel model = model();
        model.embeddedHubStarted(URI.create("http://127.0.0.1:1"));
        model.signIn();
        assertThat(model.errorProperty().get().key()).isEqualTo("signin.error.noUsername");
        model.usernameProperty().set("anna");
        model.signIn();
        assertThat(model.errorProperty().get().key()).isEqualTo("signin.error.noPassword");
        assertThat(signedIn).isEmpty();
    }

    @Test
    void garbageInTheAddressFieldIsRefusedClearly() {
        SignInViewModel model = model();
        model.backendUrlProperty().set("not a url at all");
        model.usernameProperty().set("anna");
        model.passwordProperty().set("pult-demo");
        model.signIn();
        assertThat(model.errorProperty().get()).isEqualTo(UserMessage.of("signin.error.badUrl", "not a url at all"));
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.passwordProperty().get()).isEqualTo("pult-demo");
    }
}
