package org.openenvelope.user;

import java.util.Map;
import org.openenvelope.account.Account;

/**
 * The Outlook add-in sessions users hold, as the add-in keeps them. Declared here and provided by the add-in so
 * that managing users needs nothing of the add-in's package, which itself builds on users.
 */
public interface AddinSignIns {

    /** How many live add-in sessions each user of the account holds, by user id; users without one are absent. */
    Map<Long, Long> activePerUser(Account account);

    /**
     * Ends every add-in session of the user.
     *
     * @return how many ended
     */
    int endAll(AccountUser user);

    /** Ends the user's sessions and removes the encryption flows kept for them, before the user is removed. */
    void forget(AccountUser user);
}
