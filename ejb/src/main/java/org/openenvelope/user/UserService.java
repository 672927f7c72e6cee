package org.openenvelope.user;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openenvelope.account.Account;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.profile.ProfileOwners;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.RejectedValuesException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;
import org.openenvelope.persistence.SearchTerm;
import org.openenvelope.security.PasswordHasher;

/** The people who may sign in to an account's user portal, identified by their federation ID. */
@Stateless
public class UserService {

    /** The field a list of users (a file, a request body) is refused on. */
    public static final String FEDERATION_IDS_FIELD = "federationIds";

    /** How many IDs one query looks up (databases limit a statement's parameters). */
    private static final int EXISTING_BATCH = 500;

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountUsers users;

    @Inject
    AccountAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    PasswordHasher hasher;

    @Inject
    AddinSignIns addinSignIns;

    @Inject
    ProfileOwners profileOwners;

    /** One page of the account's users by federation ID, those whose federation ID contains {@code search} (any case). */
    public Page<UserView> findUsers(String accountNumber, String search, int page, int size) {
        Account account = access.account(accountNumber);
        SearchTerm term = SearchTerm.of(search);
        String where = " where u.account = :account"
                + (term.isEmpty() ? "" : " and lower(u.federationId) like :pattern" + SearchTerm.ESCAPE);
        TypedQuery<AccountUser> items = em.createQuery("select u from AccountUser u" + where + " order by u.federationId",
                AccountUser.class);
        TypedQuery<Long> count = em.createQuery("select count(u) from AccountUser u" + where, Long.class);
        for (TypedQuery<?> query : new TypedQuery<?>[] {items, count}) {
            query.setParameter("account", account);
            if (!term.isEmpty()) {
                query.setParameter("pattern", term.contains());
            }
        }
        return Paging.of(page, size).page(items, count).map(viewsOf(account));
    }

    /** Every user of the account, by federation ID: what an export holds. */
    public List<UserView> allUsers(String accountNumber) {
        Account account = access.account(accountNumber);
        return em.createQuery("select u from AccountUser u where u.account = :account order by u.federationId",
                AccountUser.class).setParameter("account", account).getResultStream().map(viewsOf(account)).toList();
    }

    /** How users of the account are shown, with what is read once for all of them. */
    private Function<AccountUser, UserView> viewsOf(Account account) {
        Map<Long, Long> addinSessions = addinSignIns.activePerUser(account);
        Predicate<String> served = profileOwners.servedBy(account);
        return user -> UserView.of(user, addinSessions.getOrDefault(user.getId(), 0L),
                outsideVerifiedDomains(served, user.getFederationId()));
    }

    /**
     * Adds the users of a list (an uploaded file) as one change: either all of them are added or, if any line
     * holds an invalid federation ID, one listed before, or a user the account has, none is and every such line
     * is reported with its number and why. Each user is audited as if added alone.
     *
     * @throws InvalidValueException   on {@link #FEDERATION_IDS_FIELD} for an empty or too long list
     * @throws RejectedValuesException on {@link #FEDERATION_IDS_FIELD}, each problem naming its line
     */
    public List<UserView> addUsers(String accountNumber, List<ListedUser> listed) {
        Account account = access.account(accountNumber);
        UserList list = UserList.of(FEDERATION_IDS_FIELD, listed);
        List<String> ids = List.copyOf(list.ids().keySet());
        for (int from = 0; from < ids.size(); from += EXISTING_BATCH) {
            em.createQuery("select u.federationId from AccountUser u where u.account = :account"
                            + " and u.federationId in :ids", String.class).setParameter("account", account)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + EXISTING_BATCH)))
                    .getResultStream().forEach(existing -> list.refuse(list.ids().get(existing), existing,
                            "already a user of this account."));
        }
        if (!list.problems().isEmpty()) {
            throw new RejectedValuesException(list.problems());
        }
        String actor = access.caller().getName();
        Instant now = clock.instant();
        Predicate<String> served = profileOwners.servedBy(account);
        List<AccountUser> users = new ArrayList<>();
        for (String id : ids) {
            AccountUser user = new AccountUser(account, id, UserOrigin.ADMINISTRATOR, actor, now);
            em.persist(user);
            users.add(user);
        }
        // Flush inside the transaction so a user added meanwhile by someone else fails this whole list.
        em.flush();
        List<UserView> added = new ArrayList<>();
        for (AccountUser user : users) {
            boolean outside = outsideVerifiedDomains(served, user.getFederationId());
            audit.record(AuditAction.USER_ADDED, accountNumber, "Added user " + user.getFederationId()
                    + " from a list" + (outside ? " (an address outside the account's verified domains)" : ""));
            added.add(UserView.of(user, 0, outside));
        }
        return added;
    }

    /**
     * Signs the user out of every Outlook add-in (a lost laptop; a federated user the IdP no longer knows, whose
     * remembered add-in would otherwise work on until its days are over).
     *
     * @return how many add-in sessions ended
     */
    public int endAddinSessions(String accountNumber, long userId) {
        Account account = access.account(accountNumber);
        AccountUser user = user(account, userId);
        int ended = addinSignIns.endAll(user);
        audit.record(AuditAction.ADDIN_SESSIONS_ENDED, accountNumber, "Signed " + user.getFederationId()
                + " out of the Outlook add-in (" + ended + (ended == 1 ? " session)" : " sessions)"));
        return ended;
    }

    /**
     * Adds a user. The federation ID is kept exactly as given, case included: it must be what the IdP sends.
     *
     * @throws ConflictException when the account already has a user with exactly this federation ID
     */
    public UserView addUser(String accountNumber, String federationId) {
        Account account = access.account(accountNumber);
        String value = AccountUser.validFederationId(federationId);
        if (users.byFederationId(account, value).isPresent()) {
            throw new ConflictException("federationId", "Account " + accountNumber + " already has the user " + value + ".");
        }
        AccountUser user = new AccountUser(account, value, UserOrigin.ADMINISTRATOR, access.caller().getName(),
                clock.instant());
        em.persist(user);
        em.flush();
        boolean outside = outsideVerifiedDomains(account, value);
        audit.record(AuditAction.USER_ADDED, accountNumber, "Added user " + value
                + (outside ? " (an address outside the account's verified domains)" : ""));
        return UserView.of(user, 0, outside);
    }

    /** An address that no verified domain or address of the account serves; an ID that is no address is none. */
    private boolean outsideVerifiedDomains(Account account, String federationId) {
        return federationId.indexOf('@') > 0 && !profileOwners.serves(account, federationId);
    }

    private static boolean outsideVerifiedDomains(Predicate<String> served, String federationId) {
        return federationId.indexOf('@') > 0 && !served.test(federationId);
    }

    /**
     * Gives the user a one-time password for the user portal of a Password account, shown to the administrator
     * this once (to hand over out of band); the user replaces it at the first sign-in. Any earlier password and
     * lockout are cleared, and the add-in sessions it opened end.
     */
    public String issueOneTimePassword(String accountNumber, long userId) {
        Account account = access.account(accountNumber);
        AccountUser user = user(account, userId);
        String oneTime = hasher.generate();
        user.password().set(hasher.hash(oneTime.toCharArray()), true, clock.instant());
        addinSignIns.endAll(user);
        audit.record(AuditAction.USER_ONE_TIME_PASSWORD_SET, accountNumber, "Issued a one-time password to "
                + user.getFederationId());
        return oneTime;
    }

    /** Removes a user; their open user-portal and add-in sessions end with them. */
    public void removeUser(String accountNumber, long userId) {
        Account account = access.account(accountNumber);
        AccountUser user = user(account, userId);
        em.createQuery("delete from WebsafeSession s where s.user = :user").setParameter("user", user).executeUpdate();
        addinSignIns.forget(user);
        em.remove(user);
        audit.record(AuditAction.USER_REMOVED, accountNumber, "Removed user " + user.getFederationId());
    }

    private AccountUser user(Account account, long userId) {
        AccountUser user = em.find(AccountUser.class, userId);
        if (user == null || !user.getAccount().getId().equals(account.getId())) {
            throw new ResourceNotFoundException("User " + userId + " was not found in account " + account.getNumber() + ".");
        }
        return user;
    }
}
