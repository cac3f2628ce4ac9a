package org.pult.app.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.app.PultFixture.DEMO_OPERATOR;
import static org.pult.app.PultFixture.DEMO_PASSWORD;
import static org.pult.app.PultFixture.showing;
import static org.pult.app.PultFixture.waitUntil;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.app.LaunchOptions;
import org.pult.app.PultFixture;
import org.pult.app.PultUiTest;
import org.pult.core.model.Conversation;
import org.pult.softphone.api.CallDirection;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.SoftphoneEvent;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The operator returns a customer's call from her card: one click on the phone number rings the
 * customer's own engine through a real registrar, the call panel names her, and the keyboard hangs up.
 */
class ClickToCallTest extends PultUiTest {

    /** Ирина Соколова in the demo data, registered under her E.164 number as the dial plan dials it. */
    private static final String CUSTOMER_NUMBER = "+79162345678";
    private static final String CUSTOMER_NAME = "Ирина Соколова";
    private static final Duration CALL_STEP = Duration.ofSeconds(20);

    @Start
    void start(Stage stage) throws IOException {
        launch(stage);
    }

    @TempDir
    Path lab;
    private CustomerLine line;

    @Override
    protected void beforeStart() throws IOException {
        line = CustomerLine.start(lab, CUSTOMER_NUMBER);
    }

    @Override
    protected LaunchOptions options() {
        return new LaunchOptions(line.hubUrl(), false);
    }

    @AfterEach
    void stopLab() {
        if (line != null) {
            line.close();
        }
    }

    @Test
    void oneClickOnTheCardsNumberCallsTheCustomer(FxRobot robot) throws Exception {
        PultFixture.signIn(robot, DEMO_OPERATOR, DEMO_PASSWORD);
        line.register(CALL_STEP);
        String registered = app.text("softphone.status.registered", line.operatorIdentity());
        waitUntil(CALL_STEP, () -> text(robot, "#softphoneStatus").equals(registered));

        waitUntil(CALL_STEP, () -> showing(robot, "#inboxList") && !robot.lookup("#inboxList").queryListView().getItems().isEmpty());
        ListView<Conversation> inbox = robot.lookup("#inboxList").query();
        int hers = inbox.getItems().stream().map(c -> c.customer().displayName()).toList().indexOf(CUSTOMER_NAME);
        assertThat(hers).as("her conversation in the demo inbox").isNotNegative();
        robot.interact(() -> inbox.getSelectionModel().select(hers));
        waitUntil(CALL_STEP, () -> text(robot, "#customerName").equals(CUSTOMER_NAME));
        assertThat(text(robot, "#customerPhone")).isEqualTo("+7 916 234-56-78");

        robot.clickOn("#customerPhone");

        CallId ringing = awaitCustomerCall();
        PultFixture.screenshot(robot.lookup("#customerPhone").query().getScene(), "click-to-call-dialling");
        line.phone().answer(ringing).get(10, TimeUnit.SECONDS);
        waitUntil(CALL_STEP, () -> showing(robot, "#callPanel") && text(robot, "#callCaller").equals(CUSTOMER_NAME));
        waitUntil(CALL_STEP, () -> line.sees(ringing, CallState.ACTIVE));

        robot.moveTo("#callCaller");
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.E);
        waitUntil(CALL_STEP, () -> line.sees(ringing, CallState.ENDED));
        waitUntil(CALL_STEP, () -> !showing(robot, "#callPanel"));
    }

    private CallId awaitCustomerCall() {
        waitUntil(CALL_STEP, () -> incoming().isPresent());
        return incoming().orElseThrow();
    }

    private Optional<CallId> incoming() {
        return line.events().stream()
                .filter(event -> event instanceof SoftphoneEvent.CallStateChanged changed
                        && changed.state() == CallState.INCOMING && changed.direction() == CallDirection.INCOMING)
                .map(event -> ((SoftphoneEvent.CallStateChanged) event).call())
                .findFirst();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQueryAs(Labeled.class).map(Labeled::getText).orElse("");
    }

}
