package org.pult.app.signin;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.pult.app.i18n.I18n;
import org.pult.app.i18n.UserMessage;
import org.pult.app.settings.LanguageAndThemeBar;

/** The sign-in card. Binds to {@link SignInViewModel}; Enter signs in from any field. */
public final class SignInView {

    private final SignInViewModel model;
    private final I18n i18n;
    private final LanguageAndThemeBar languageAndTheme;
    private final boolean embeddedHub;

    public SignInView(SignInViewModel model, I18n i18n, LanguageAndThemeBar languageAndTheme, boolean embeddedHub) {
        this.model = model;
        this.i18n = i18n;
        this.languageAndTheme = languageAndTheme;
        this.embeddedHub = embeddedHub;
    }

    public Parent build() {
        Label title = new Label(i18n.get("app.name"));
        title.getStyleClass().add("signin-title");
        Label subtitle = new Label(i18n.get("signin.subtitle"));
        subtitle.getStyleClass().add("text-muted");

        TextField backendUrl = field(new TextField(), "backendUrl", i18n.get("signin.backendUrl.prompt"));
        backendUrl.textProperty().bindBidirectional(model.backendUrlProperty());
        TextField username = field(new TextField(), "username", i18n.get("signin.username.prompt"));
        username.textProperty().bindBidirectional(model.usernameProperty());
        PasswordField password = field(new PasswordField(), "password", "");
        password.textProperty().bindBidirectional(model.passwordProperty());

        Label error = messageLabel("signInError", "signin-error", model.errorProperty());
        Label notice = messageLabel("signInNotice", "signin-notice", model.noticeProperty());

        Button signIn = new Button(i18n.get("signin.submit"));
        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(model.busyProperty());
        signIn.setOnAction(event -> model.signIn());
        HBox.setHgrow(signIn, Priority.ALWAYS);

        Button retry = new Button(i18n.get("signin.retry"));
        retry.setId("retryButton");
        showWhen(retry, model.retryOfferedProperty());
        retry.setOnAction(event -> model.signIn());

        Button rebuild = new Button(i18n.get("signin.cache.rebuild"));
        rebuild.setId("rebuildCacheButton");
        showWhen(rebuild, model.rebuildOfferedProperty());
        rebuild.setOnAction(event -> model.rebuildCacheAndSignIn());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        showWhen(progress, model.busyProperty());

        HBox actions = new HBox(8, signIn, retry, rebuild, progress);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label demoHint = new Label(i18n.get("signin.demoHint"));
        demoHint.getStyleClass().addAll("text-muted", "text-small");
        demoHint.setWrapText(true);
        demoHint.setVisible(embeddedHub);
        demoHint.setManaged(embeddedHub);

        VBox card = new VBox(10,
                title, subtitle, spacer(8),
                labelFor(i18n.get("signin.backendUrl"), backendUrl), backendUrl,
                labelFor(i18n.get("signin.username"), username), username,
                labelFor(i18n.get("signin.password"), password), password,
                error, notice, actions, spacer(4), demoHint, languageAndTheme.build());
        card.getStyleClass().add("signin-card");
        card.setMaxWidth(420);
        card.setMaxHeight(Region.USE_PREF_SIZE);

        // After a failure, put the keyboard where the operator will act next.
        model.errorProperty().addListener((obs, old, shown) -> {
            if (shown != null) {
                (password.getText().isEmpty() ? password : signIn).requestFocus();
            }
        });

        StackPane root = new StackPane(card);
        root.getStyleClass().add("signin-root");
        StackPane.setAlignment(card, Pos.CENTER);
        if (model.usernameProperty().get().isBlank()) {
            username.sceneProperty().addListener((obs, old, scene) -> {
                if (scene != null) {
                    username.requestFocus();
                }
            });
        } else {
            password.sceneProperty().addListener((obs, old, scene) -> {
                if (scene != null) {
                    password.requestFocus();
                }
            });
        }
        return root;
    }

    private static <T extends TextField> T field(T field, String id, String prompt) {
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static Label labelFor(String text, TextField field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.setMnemonicParsing(true);
        return label;
    }

    private Label messageLabel(String id, String styleClass, javafx.beans.property.ObjectProperty<UserMessage> message) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(
                () -> message.getValue() == null ? "" : message.getValue().resolve(i18n), message));
        label.visibleProperty().bind(Bindings.isNotNull(message));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private static Region spacer(double height) {
        Region spacer = new Region();
        spacer.setMinHeight(height);
        return spacer;
    }
}
