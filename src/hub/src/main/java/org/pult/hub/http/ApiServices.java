package org.pult.hub.http;

import java.time.Duration;
import org.pult.hub.actions.ActionService;
import org.pult.hub.auth.Authenticator;
import org.pult.hub.events.EventSignal;
import org.pult.hub.routing.Intake;
import org.pult.hub.routing.QueueStore;
import org.pult.hub.sip.SipProvisioning;
import org.pult.hub.store.CodeLists;
import org.pult.hub.store.ConversationStore;
import org.pult.hub.store.EventLog;
import org.pult.hub.store.NoteStore;
import org.pult.hub.store.UserStore;

/** What the HTTP layer calls; made once by {@link org.pult.hub.HubServer}. */
public record ApiServices(
        Authenticator authenticator,
        UserStore users,
        ConversationStore conversations,
        NoteStore notes,
        CodeLists codes,
        ActionService actions,
        EventLog events,
        EventSignal signal,
        SipProvisioning sip,
        Duration heartbeat,
        QueueStore queues,
        Intake intake) {
}
