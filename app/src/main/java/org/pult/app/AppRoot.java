package org.pult.app;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.util.Subscription;
import org.pult.app.console.ConsoleView;
import org.pult.app.console.ConsoleViewModel;
import org.pult.app.embedded.EmbeddedHub;
import org.pult.app.i18n.I18n;
import org.pult.app.platform.AppExecutors;
import org.pult.app.platform.DataPaths;
import org.pult.app.platform.FirstPulse;
import org.pult.app.session.CacheLocation;
import org.pult.app.session.Session;
import org.pult.app.session.SignInService;
import org.pult.app.settings.AppSettings;
import org.pult.app.settings.LanguageAndThemeBar;
import org.pult.app.settings.Preferences;
import org.pult.app.settings.SettingsDialog;
import org.pult.app.settings.SettingsStore;
import org.pult.app.signin.SignInView;
import org.pult.app.signin.SignInViewModel;
import org.pult.app.softphone.CallSummary;
import org.pult.app.softphone.LinphonePhoneEngine;
import org.pult.app.softphone.PhoneViewModel;
import org.pult.app.softphone.VoiceSettingsView;
import org.pult.app.console.IncomingCallWindow;
import org.pult.app.theme.ThemeManager;
import org.pult.softphone.NativeLibraryLoader;
import org.pult.softphone.api.DialPlan;

/**
 * The composition root: every service is made here and handed down by constructor. Nothing
 * else in the app creates services or threads.
 */
public final class AppRoot implements AutoCloseable {

    private final DataPaths paths;
    private final LaunchOptions options;
    private final Clock clock;
    private final ExecutorService background = AppExecutors.newBackgroundPool();
    private final AppExecutors executors = new AppExecutors(AppExecutors.untilShutdown(background), AppExecutors.fxThread());
    private final Preferences preferences;
    private final I18n i18n;
    private final ThemeManager themes = new ThemeManager();
    private final PhoneViewModel phone;
    private final SignInService signInService;
    private EmbeddedHub embeddedHub;
    private MainWindow window;
    private SignInViewModel signIn;
    private Session session;
    private Subscription screenPop = Subscription.EMPTY;

    public AppRoot(DataPaths paths, LaunchOptions options, Clock clock) {
        this.paths = paths;
        this.options = options;
        this.clock = clock;
        SettingsStore store = new SettingsStore(paths.settingsFile(), Locale.getDefault());
        AppSettings settings = store.load();
        if (!options.backendUrl().isEmpty()) {
            settings = settings.withBackendUrl(options.backendUrl());
        }
        this.preferences = new Preferences(store, settings, background);
        this.i18n = new I18n(settings.language());
        this.signInService = new SignInService(new CacheLocation(paths.cacheDirectory()));
        this.phone = new PhoneViewModel(new LinphonePhoneEngine(NativeLibraryLoader.fromSystemProperties(), paths.softphoneDirectory()),
                executors, clock, DialPlan.RUSSIA);
        phone.useVoiceSettings(settings.voice());
    }

    public void start(Stage stage) {
        window = new MainWindow(stage, i18n, themes, preferences);
        showSignIn();
        // On two cores, the hub's and the engine's start-up would slow the first frame; they
        // begin once the sign-in window is on screen, while the operator types.
        FirstPulse.then(stage.getScene(), () -> {
            if (preferences.get().usesEmbeddedHub()) {
                startEmbeddedHubOnce();
            } else if (options.benchmark()) {
                signInWithDemoAccount();
            }
            phone.start();
            new IncomingCallWindow(phone, i18n, scene -> themes.apply(preferences.get().theme(), scene), this::bringToFront).follow();
        });
    }

    private void showSignIn() {
        if (signIn == null) {
            signIn = new SignInViewModel(signInService, executors, this::showConsole);
            signIn.usernameProperty().set(preferences.get().lastUsername());
        }
        // The backend address from settings wins; blank means the embedded hub, started on demand.
        if (preferences.get().usesEmbeddedHub()) {
            signIn.useEmbeddedHub();
            if (window.stage().isShowing()) {
                startEmbeddedHubOnce();
            }
        } else {
            signIn.backendUrlProperty().set(preferences.get().backendUrl());
        }
        LanguageAndThemeBar languageAndTheme = new LanguageAndThemeBar(preferences, i18n);
        window.show(() -> new SignInView(signIn, i18n, languageAndTheme, preferences.get().usesEmbeddedHub()).build());
    }

    private void startEmbeddedHubOnce() {
        if (embeddedHub != null) {
            return;
        }
        embeddedHub = new EmbeddedHub(paths.embeddedHubDirectory());
        signIn.embeddedHubStarting();
        embeddedHub.start(background).whenComplete((uri, failure) -> executors.ui().execute(() -> {
            if (failure != null) {
                signIn.embeddedHubFailed(failure);
            } else {
                signIn.embeddedHubStarted(uri);
                if (options.benchmark()) {
                    signInWithDemoAccount();
                }
            }
        }));
    }

    private void showConsole(Session signedIn) {
        session = signedIn;
        preferences.update(settings -> settings.withLastUsername(signedIn.operator().username()));
        ConsoleViewModel console = new ConsoleViewModel(signedIn, executors, clock, this::signedOut);
        window.show(() -> new ConsoleView(console, i18n, clock, phone, this::openSettings).build());
        console.start();
        phone.signedIn(signedIn.operator().sip(), console.inbox()::customerWithPhone);
        phone.onCallEnded(call -> {
            if (call.customerProperty().get() != null) {
                console.logCall(call.customerProperty().get(), CallSummary.of(call, i18n, clock.instant()));
            }
        });
        // Screen pop: a call from a known customer opens their conversation while it rings.
        screenPop = phone.currentProperty().subscribe(call -> {
            if (call != null && call.customerProperty().get() != null) {
                console.inbox().selectCustomer(call.customerProperty().get());
            }
        });
        if (options.benchmark()) {
            StartupBenchmark.consoleShown(window.stage().getScene());
        }
    }

    /** Benchmark runs sign in as the demo operator, as a person would with the embedded hub. */
    private void signInWithDemoAccount() {
        signIn.usernameProperty().set("anna");
        signIn.passwordProperty().set("pult-demo");
        signIn.signIn();
    }

    private void signedOut() {
        session = null;
        screenPop.unsubscribe();
        phone.onCallEnded(null);
        phone.signedOut();
        showSignIn();
    }

    private void bringToFront() {
        Stage stage = window.stage();
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    private void openSettings() {
        new SettingsDialog(preferences, i18n, paths, new VoiceSettingsView(phone, preferences, i18n)).create(window.stage()).showAndWait();
    }

    public I18n i18n() {
        return i18n;
    }

    public MainWindow window() {
        return window;
    }

    @Override
    public void close() {
        phone.close();
        if (session != null) {
            session.close();
        }
        if (embeddedHub != null) {
            embeddedHub.close();
        }
        // Let queued work such as the last settings save finish; it takes milliseconds.
        background.shutdown();
        try {
            if (!background.awaitTermination(3, TimeUnit.SECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
