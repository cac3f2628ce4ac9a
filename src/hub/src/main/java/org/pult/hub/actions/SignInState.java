package org.pult.hub.actions;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.pult.core.api.EventType;
import org.pult.core.api.LiveEvent;
import org.pult.core.model.OperatorState;
import org.pult.core.model.OperatorStatus;
import org.pult.hub.auth.SignInEffects;
import org.pult.hub.events.EventSignal;
import org.pult.hub.store.EventLog;
import org.pult.hub.store.HubDatabase;
import org.pult.hub.store.StoredUser;
import org.pult.hub.store.UserStore;

/** A sign-in puts the operator in NOT_READY, and the event log says so like any other state change. */
public final class SignInState implements SignInEffects {

    private final HubDatabase database;
    private final UserStore users;
    private final EventLog events;
    private final EventSignal signal;
    private final Clock clock;

    public SignInState(HubDatabase database, UserStore users, EventLog events, EventSignal signal, Clock clock) {
        this.database = database;
        this.users = users;
        this.events = events;
        this.signal = signal;
        this.clock = clock;
    }

    @Override
    public void signedIn(StoredUser user) throws SQLException {
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            users.setState(connection, user.id(), OperatorState.NOT_READY, null, now);
            events.append(connection, user.id(), new LiveEvent(0, EventType.STATE_CHANGED, now, null, null,
                    new OperatorStatus(user.id(), OperatorState.NOT_READY, null, now), null, null, null));
            return null;
        });
        signal.appended();
    }
}
