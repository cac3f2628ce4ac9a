package org.pult.app.signin;

import java.net.URI;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.pult.app.i18n.UserMessage;
import org.pult.app.platform.AppExecutors;
import org.pult.app.session.CacheLocation;
import org.pult.app.session.Session;
import org.pult.app.session.SignInRequest;
import org.pult.app.session.SignInService;
import org.pult.cache.CacheOpenException;
import org.pult.sync.SyncException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what the sign-in screen shows. Every failure becomes one inline message; what the
 * operator typed stays in the fields (only the password is cleared after a wrong password).
 */
public final class SignInViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);
    private static final String EMBEDDED_STARTING = "signin.embedded.starting";

    private final SignInService service;
    private final AppExecutors executors;
    private final Consumer<Session> onSignedIn;

    private final StringProperty backendUrl = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<UserMessage> error = new SimpleObjectProperty<>();
    private final ObjectProperty<UserMessage> notice = new SimpleObjectProperty<>();
    private final BooleanProperty retryOffered = new SimpleBooleanProperty();
    private final BooleanProperty rebuildOffered = new SimpleBooleanProperty();
    private volatile String embeddedUrl;

    public SignInViewModel(SignInService service, AppExecutors executors, Consumer<Session> onSignedIn) {
        this.service = service;
        this.executors = executors;
        this.onSignedIn = onSignedIn;
    }

    /** Settings say to use the embedded hub: show its address, or none until it is up. */
    public void useEmbeddedHub() {
        backendUrl.set(embeddedUrl == null ? "" : embeddedUrl);
    }

    /** The embedded hub is starting: say so, so an empty address field is not a mystery. */
    public void embeddedHubStarting() {
        notice.set(UserMessage.of(EMBEDDED_STARTING));
    }

    /** The embedded hub is up: pre-fill its address unless the operator already typed one. */
    public void embeddedHubStarted(URI baseUri) {
        embeddedUrl = baseUri.toString();
        if (backendUrl.get().isBlank()) {
            backendUrl.set(embeddedUrl);
        }
        if (error.get() != null && EMBEDDED_STARTING.equals(error.get().key())) {
            error.set(null);
        }
        notice.set(null);
    }

    public void embeddedHubFailed(Throwable cause) {
        LOG.error("The embedded hub did not start", cause);
        notice.set(null);
        error.set(UserMessage.of("signin.embedded.failed", rootMessage(cause)));
    }

    public void signIn() {
        if (busy.get()) {
            return;
        }
        UserMessage invalid = validate();
        if (invalid != null) {
            error.set(invalid);
            return;
        }
        SignInRequest request = request();
        startWork();
        executors.background().execute(() -> {
            try {
                Session session = service.signIn(request);
                executors.ui().execute(() -> {
                    busy.set(false);
                    password.set("");
                    onSignedIn.accept(session);
                });
            } catch (SyncException failure) {
                executors.ui().execute(() -> showSyncFailure(failure, request));
            } catch (CacheOpenException failure) {
                executors.ui().execute(() -> showCacheProblem(failure));
            } catch (RuntimeException unexpected) {
                LOG.error("Sign-in failed unexpectedly", unexpected);
                executors.ui().execute(() -> finishWithError(UserMessage.of("signin.error.unexpected", rootMessage(unexpected)), true));
            }
        });
    }

    /** Keeps the damaged cache file aside, starts a fresh one from the backend, and signs in. */
    public void rebuildCacheAndSignIn() {
        SignInRequest request = request();
        startWork();
        executors.background().execute(() -> {
            try {
                var keptAt = service.rebuildCache(request);
                executors.ui().execute(() -> {
                    busy.set(false);
                    notice.set(UserMessage.of("signin.cache.rebuilt", keptAt.toString()));
                    signIn();
                });
            } catch (CacheOpenException | java.io.IOException | RuntimeException failure) {
                LOG.error("Cache rebuild failed", failure);
                executors.ui().execute(() -> finishWithError(UserMessage.of("signin.cache.rebuildFailed", rootMessage(failure)), false));
            }
        });
    }

    private UserMessage validate() {
        if (backendUrl.get().isBlank()) {
            return UserMessage.of(embeddedUrl == null ? EMBEDDED_STARTING : "signin.error.noBackend");
        }
        if (username.get().isBlank()) {
            return UserMessage.of("signin.error.noUsername");
        }
        if (password.get().isEmpty()) {
            return UserMessage.of("signin.error.noPassword");
        }
        return null;
    }

    private SignInRequest request() {
        String url = backendUrl.get().strip();
        String identity = url.equals(embeddedUrl) ? CacheLocation.EMBEDDED_BACKEND : url;
        return new SignInRequest(url, identity, username.get().strip(), password.get());
    }

    private void startWork() {
        busy.set(true);
        error.set(null);
        retryOffered.set(false);
        rebuildOffered.set(false);
    }

    private void showSyncFailure(SyncException failure, SignInRequest request) {
        LOG.info("Sign-in to {} failed: {} ({})", request.backendUrl(), failure.reason(), failure.getMessage());
        switch (failure.reason()) {
            case INVALID_CREDENTIALS -> {
                password.set("");
                finishWithError(UserMessage.of("signin.error.credentials"), false);
            }
            case UNREACHABLE -> finishWithError(UserMessage.of("signin.error.unreachable", request.backendUrl()), true);
            case BAD_URL -> finishWithError(UserMessage.of("signin.error.badUrl", request.backendUrl()), false);
            case MALFORMED_RESPONSE -> finishWithError(UserMessage.of("signin.error.notPult", request.backendUrl()), true);
            case UNAUTHORIZED, SERVER_ERROR -> finishWithError(UserMessage.of("signin.error.server", failure.getMessage()), true);
        }
    }

    private void showCacheProblem(CacheOpenException failure) {
        LOG.warn("Cache problem at sign-in: {}", failure.getMessage());
        UserMessage message = switch (failure.problem()) {
            case CORRUPT -> UserMessage.of("signin.cache.corrupt", failure.file().toString());
            case NEWER_SCHEMA -> UserMessage.of("signin.cache.newer", failure.file().toString());
            case UNWRITABLE -> UserMessage.of("signin.cache.unwritable", failure.file().toString());
        };
        rebuildOffered.set(failure.problem() != CacheOpenException.Problem.UNWRITABLE);
        finishWithError(message, false);
    }

    private void finishWithError(UserMessage message, boolean offerRetry) {
        busy.set(false);
        // The actions first, then the message: whoever reacts to the message sees them in place.
        retryOffered.set(offerRetry);
        error.set(message);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    public StringProperty backendUrlProperty() {
        return backendUrl;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<UserMessage> errorProperty() {
        return error;
    }

    public ObjectProperty<UserMessage> noticeProperty() {
        return notice;
    }

    public BooleanProperty retryOfferedProperty() {
        return retryOffered;
    }

    public BooleanProperty rebuildOfferedProperty() {
        return rebuildOffered;
    }
}
