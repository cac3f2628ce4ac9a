package org.pult.app.softphone;

import static org.pult.app.PultFixture.DEMO_OPERATOR;
import static org.pult.app.PultFixture.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pult.core.model.SipTransport;
import org.pult.hub.HubConfig;
import org.pult.hub.HubServer;
import org.pult.hub.sip.SipDomain;
import org.pult.siplab.Kamailio;
import org.pult.softphone.api.CallId;
import org.pult.softphone.api.CallState;
import org.pult.softphone.api.RegistrationState;
import org.pult.softphone.api.SipAccount;
import org.pult.softphone.api.SoftphoneConfig;
import org.pult.softphone.api.SoftphoneEvent;
import org.pult.softphone.linphone.LinphoneSoftphone;

/**
 * A customer's own phone on a real registrar, and a hub that gives the demo operator a SIP account
 * on that registrar: what the console's call tests talk to.
 */
final class CustomerLine implements AutoCloseable {

    private static final String PASSWORD = "customer-secret";

    private final String user;
    private final Kamailio registrar;
    private final HubServer hub;
    private final LinphoneSoftphone phone;
    private final List<SoftphoneEvent> events = new CopyOnWriteArrayList<>();

    private CustomerLine(String user, Kamailio registrar, HubServer hub, LinphoneSoftphone phone) {
        this.user = user;
        this.registrar = registrar;
        this.hub = hub;
        this.phone = phone;
        phone.subscribe(events::add);
    }

    /** @param user the customer's SIP user name, as her number reaches the registrar */
    static CustomerLine start(Path lab, String user) throws IOException {
        Kamailio registrar = Kamailio.builder()
                .user(DEMO_OPERATOR, SipDomain.demoPassword(DEMO_OPERATOR))
                .user(user, PASSWORD)
                .start();
        HubServer hub = null;
        try {
            hub = HubServer.start(HubConfig.embedded(lab.resolve("hub"))
                    .withSip(registrar.domain() + ":" + registrar.udpPort(), SipTransport.UDP));
            Path folder = Files.createDirectories(lab.resolve("customer"));
            Path silence = SilenceWav.writeIfMissing(folder.resolve("voice.wav"));
            LinphoneSoftphone phone = LinphoneSoftphone.start(SoftphoneConfig.defaults(folder).withBindAddress("127.0.0.1")
                    .withAudio(new SoftphoneConfig.Audio.Files(silence, folder.resolve("heard.wav"))));
            return new CustomerLine(user, registrar, hub, phone);
        } catch (IOException | RuntimeException e) {
            if (hub != null) {
                hub.close();
            }
            registrar.close();
            throw e;
        }
    }

    String hubUrl() {
        return "http://127.0.0.1:" + hub.port();
    }

    Kamailio registrar() {
        return registrar;
    }

    LinphoneSoftphone phone() {
        return phone;
    }

    /** The demo operator's SIP address on the registrar. */
    String operatorIdentity() {
        return "sip:" + DEMO_OPERATOR + "@" + registrar.domain();
    }

    /** Registers the customer's phone and waits until the registrar has it. */
    void register(Duration timeout) {
        phone.register(new SipAccount("sip:" + user + "@" + registrar.domain(), registrar.registrarUri("udp"),
                org.pult.softphone.api.SipTransport.UDP, user, PASSWORD, null));
        waitUntil(timeout, () -> events.stream().anyMatch(event -> event instanceof SoftphoneEvent.RegistrationChanged changed
                && changed.state() == RegistrationState.REGISTERED));
    }

    List<SoftphoneEvent> events() {
        return events;
    }

    /** Whether the customer's phone saw {@code call} reach {@code state}. */
    boolean sees(CallId call, CallState state) {
        return events.stream().anyMatch(event -> event instanceof SoftphoneEvent.CallStateChanged changed
                && changed.call().equals(call) && changed.state() == state);
    }

    @Override
    public void close() {
        phone.close();
        hub.close();
        registrar.close();
    }
}
