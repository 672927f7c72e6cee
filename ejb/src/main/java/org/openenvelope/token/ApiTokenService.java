package org.openenvelope.token;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.openenvelope.account.Account;
import org.openenvelope.security.AdministratorRole;
import org.openenvelope.audit.AuditAction;
import org.openenvelope.audit.AuditLog;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;
import org.openenvelope.persistence.SearchTerm;
import org.openenvelope.account.AccountAccess;
import org.openenvelope.security.Caller;
import org.openenvelope.security.CallerKind;

/**
 * The Tokens tab and bearer authentication of the REST API. Account tokens act for one account with an account
 * administrator's rights; service tokens (no account) act with a service administrator's rights.
 */
@Stateless
public class ApiTokenService {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    @Inject
    AccountAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * One page of the account's tokens by name (the newest first among equal names), those whose name contains
     * {@code search} (any case) when it is given; revoked and ended tokens included.
     */
    public Page<TokenView> findTokens(String accountNumber, String search, int page, int size) {
        return find(access.account(accountNumber), search, Paging.of(page, size));
    }

    /** Creates a token for the account that never ends and may write. */
    public IssuedToken createToken(String accountNumber, String name) {
        return createToken(accountNumber, name, null, false);
    }

    /**
     * Creates a token for the account; the returned secret is shown once and cannot be recovered.
     *
     * @param validDays null for a token without an end
     * @param readOnly  a token that may only read
     */
    public IssuedToken createToken(String accountNumber, String name, Integer validDays, boolean readOnly) {
        Caller caller = requireSignedInAdministrator();
        Account account = access.account(accountNumber);
        return issue(account, name, validDays, readOnly, caller);
    }

    public void revokeToken(String accountNumber, long tokenId) {
        Caller caller = access.caller();
        Account account = access.account(accountNumber);
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || token.getAccount() == null || !token.getAccount().getId().equals(account.getId())) {
            throw new ResourceNotFoundException("Token " + tokenId + " was not found in account "
                    + account.getNumber() + ".");
        }
        revoke(token, caller);
    }

    /** One page of the service tokens, found and ordered as an account's; service administrators only. */
    public Page<TokenView> findServiceTokens(String search, int page, int size) {
        access.requireServiceAdministrator("see service tokens");
        return find(null, search, Paging.of(page, size));
    }

    /** Creates a token with service administrator rights; only a signed-in service administrator can. */
    public IssuedToken createServiceToken(String name, Integer validDays, boolean readOnly) {
        Caller caller = requireSignedInAdministrator();
        access.requireServiceAdministrator("create service tokens");
        return issue(null, name, validDays, readOnly, caller);
    }

    public void revokeServiceToken(long tokenId) {
        Caller caller = access.requireServiceAdministrator("revoke service tokens");
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || token.getAccount() != null) {
            throw new ResourceNotFoundException("Service token " + tokenId + " was not found.");
        }
        revoke(token, caller);
    }

    /**
     * The caller a presented bearer secret stands for, and whether it may only read: unknown, revoked and expired
     * tokens and tokens of suspended accounts stand for nobody. Records when the token was last used.
     */
    public Optional<AuthenticatedToken> authenticate(String presentedSecret) {
        Optional<TokenSecret> secret = TokenSecret.presented(presentedSecret);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiToken> found = em.createNamedQuery(ApiToken.BY_SECRET_HASH, ApiToken.class)
                .setParameter("hash", secret.get().hash()).getResultStream().findFirst();
        if (found.isEmpty() || found.get().isRevoked() || found.get().isExpiredAt(Instant.now(clock))) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Account account = token.getAccount();
        if (account != null && !account.isActive()) {
            return Optional.empty();
        }
        token.recordUse(Instant.now(clock));
        String name = "token \"" + token.getName() + "\" (" + token.getSecretPrefix() + "…)";
        return Optional.of(new AuthenticatedToken(account == null
                ? new Caller(CallerKind.API_TOKEN, token.getId(), name, AdministratorRole.SERVICE, null, null)
                : new Caller(CallerKind.API_TOKEN, token.getId(), name, AdministratorRole.ACCOUNT,
                        account.getId(), account.getNumber()), token.isReadOnly()));
    }

    /** The tokens of the account, or the service tokens when {@code account} is null. */
    private Page<TokenView> find(Account account, String search, Paging paging) {
        SearchTerm term = SearchTerm.of(search);
        String where = (account == null ? " where t.account is null" : " where t.account = :account")
                + (term.isEmpty() ? "" : " and lower(t.name) like :pattern" + SearchTerm.ESCAPE);
        TypedQuery<ApiToken> items = em.createQuery("select t from ApiToken t" + where
                + " order by t.name, t.createdAt desc, t.id desc", ApiToken.class);
        TypedQuery<Long> count = em.createQuery("select count(t) from ApiToken t" + where, Long.class);
        for (TypedQuery<?> query : new TypedQuery<?>[] {items, count}) {
            if (account != null) {
                query.setParameter("account", account);
            }
            if (!term.isEmpty()) {
                query.setParameter("pattern", term.contains());
            }
        }
        return paging.page(items, count).map(TokenView::of);
    }

    private IssuedToken issue(Account account, String name, Integer validDays, boolean readOnly, Caller caller) {
        TokenSecret secret = TokenSecret.generate();
        ApiToken token = new ApiToken(account, name, secret, caller.getName(), Instant.now(clock), validDays, readOnly);
        em.persist(token);
        em.flush();
        audit.record(AuditAction.TOKEN_CREATED, account == null ? null : account.getNumber(),
                "Created " + (account == null ? "service " : "") + "API token \"" + token.getName() + "\" ("
                        + token.getSecretPrefix() + "…)" + (readOnly ? ", read-only" : "")
                        + (token.getExpiresAt() == null ? "" : ", valid until " + token.getExpiresAt()));
        return new IssuedToken(TokenView.of(token), secret.reveal());
    }

    private void revoke(ApiToken token, Caller caller) {
        token.revoke(caller.getName(), Instant.now(clock));
        audit.record(AuditAction.TOKEN_REVOKED, token.getAccount() == null ? null : token.getAccount().getNumber(),
                "Revoked API token \"" + token.getName() + "\" (" + token.getSecretPrefix() + "…)");
    }

    /** Tokens are minted by people: a leaked token must not be able to mint more. */
    private Caller requireSignedInAdministrator() {
        Caller caller = access.caller();
        if (caller.kind() != CallerKind.ADMINISTRATOR) {
            throw new AccessDeniedException("API tokens can only be created by a signed-in administrator.");
        }
        return caller;
    }
}
