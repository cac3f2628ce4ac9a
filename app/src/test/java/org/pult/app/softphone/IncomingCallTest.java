package org.pult.app.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pult.app.PultFixture.DEMO_OPERATOR;
import static org.pult.app.PultFixture.DEMO_PASSWORD;
import static org.pult.app.PultFixture.showing;
import static org.pult.app.PultFixture.waitUntil;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pult.app.LaunchOptions;
import org.pult.app.PultFixture;
import org.pult.app.PultUiTest;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.SoftphoneEvent;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A customer rings the operator through a real registrar: the popup names the customer from the
 * cache and her conversation opens, the operator answers, holds, resumes and hangs up with the keyboard alone, the
 * customer's own engine sees each of those, and the call is kept in her conversation's notes.
 */
class IncomingCallTest extends PultUiTest {

    /** Ирина Соколова in the demo data; the caller's SIP user is her number without the plus. */
    private static final String CUSTOMER_NUMBER = "79162345678";
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
    void theOperatorAnswersHoldsResumesAndHangsUpFromTheKeyboard(FxRobot robot) throws Exception {
        PultFixture.signIn(robot, DEMO_OPERATOR, DEMO_PASSWORD);
        String identity = line.operatorIdentity();
        String registered = app.text("softphone.status.registered", identity);
        try {
            waitUntil(CALL_STEP, () -> text(robot, "#softphoneStatus").equals(registered));
        } catch (AssertionError notRegistered) {
            PultFixture.screenshot(robot.listTargetWindows().get(0).getScene(), "incoming-call-not-registered");
            throw new AssertionError("softphone status shows \"" + text(robot, "#softphoneStatus") + "\", not \""
                    + registered + "\"; registrar log: " + line.registrar().log(), notRegistered);
        }

        line.register(CALL_STEP);
        CallId call = line.phone().dial(identity).get(10, TimeUnit.SECONDS);

        waitUntil(CALL_STEP, () -> showing(robot, "#incomingCall"));
        assertThat(text(robot, "#incomingCaller")).isEqualTo("Ирина Соколова");
        // Screen pop: her conversation and card open while it rings.
        waitUntil(CALL_STEP, () -> text(robot, "#customerName").equals("Ирина Соколова"));
        PultFixture.screenshot(robot.lookup("#incomingCall").query().getScene(), "incoming-call-popup");

        // Xvfb runs without a window manager, so X gives the keyboard to the window under the pointer;
        // on a desktop the popup takes the focus, and answering brings the console to the front.
        robot.moveTo("#incomingCaller");
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.A);
        waitUntil(CALL_STEP, () -> line.sees(call, CallState.ACTIVE));
        waitUntil(CALL_STEP, () -> showing(robot, "#callPanel") && text(robot, "#callState").contains(app.text("softphone.state.active", "+7 916 234-56-78", "").strip()));
        assertThat(robot.lookup("#incomingCall").tryQuery()).isEmpty();
        assertThat(text(robot, "#callCaller")).isEqualTo("Ирина Соколова");
        PultFixture.screenshot(robot.lookup("#callPanel").query().getScene(), "call-active");

        robot.moveTo("#callCaller");
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.H);
        waitUntil(CALL_STEP, () -> line.sees(call, CallState.HELD_BY_REMOTE));
        waitUntil(CALL_STEP, () -> text(robot, "#holdButton").equals(app.text("softphone.resume")));

        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.H);
        waitUntil(CALL_STEP, () -> customerSeesAfterLast(call, CallState.HELD_BY_REMOTE, CallState.ACTIVE));
        waitUntil(CALL_STEP, () -> text(robot, "#holdButton").equals(app.text("softphone.hold")));

        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.E);
        waitUntil(CALL_STEP, () -> line.sees(call, CallState.ENDED));
        waitUntil(CALL_STEP, () -> !showing(robot, "#callPanel"));

        // The call stays with her conversation, as a note with how long it lasted and its quality.
        String logged = app.text("call.note.incoming") + " +7 916 234-56-78: ";
        try {
            waitUntil(CALL_STEP, () -> robot.lookup("#notesList").lookup((javafx.scene.Node node) -> node instanceof Labeled label
                    && label.getText() != null && label.getText().contains(logged) && label.getText().contains("MOS")).tryQuery().isPresent());
        } catch (AssertionError notKept) {
            PultFixture.screenshot(robot.lookup("#notesList").query().getScene(), "call-not-kept");
            throw notKept;
        }
        PultFixture.screenshot(robot.lookup("#callPanel").query().getScene(), "call-kept-as-note");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).tryQueryAs(Labeled.class).map(Labeled::getText).orElse("");
    }

    /** {@code state} reached after the last {@code previous}: a resume is the ACTIVE that follows the hold. */
    private boolean customerSeesAfterLast(CallId call, CallState previous, CallState state) {
        List<CallState> states = line.events().stream()
                .filter(event -> event instanceof SoftphoneEvent.CallStateChanged changed && changed.call().equals(call))
                .map(event -> ((SoftphoneEvent.CallStateChanged) event).state())
                .toList();
        int last = states.lastIndexOf(previous);
        return last >= 0 && states.subList(last + 1, states.size()).contains(state);
    }
}
