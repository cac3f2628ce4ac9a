package org.pult.hub.auth;

import java.sql.SQLException;
import org.pult.hub.store.StoredUser;

/** What signing in does to the operator besides making a session: puts them in NOT_READY. */
@FunctionalInterface
public interface SignInEffects {
    void signedIn(StoredUser user) throws SQLException;
}
