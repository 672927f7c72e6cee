package org.openenvelope.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openenvelope.account.AccountService;
import org.openenvelope.account.AccountSummary;
import org.openenvelope.security.AdministratorRole;
import org.openenvelope.audit.trail.AuditEntry;
import org.openenvelope.audit.trail.AuditTrail;
import org.openenvelope.error.AccessDeniedException;
import org.openenvelope.error.ConflictException;
import org.openenvelope.error.InvalidValueException;
import org.openenvelope.error.ResourceNotFoundException;
import org.openenvelope.persistence.Page;
import org.openenvelope.persistence.Paging;
import org.openenvelope.security.Caller;
import org.openenvelope.security.CallerKind;
import org.openenvelope.testing.AccountCallers;
import org.openenvelope.testing.ActingCaller;
import org.openenvelope.testing.Deployments;
import org.openenvelope.testing.Fixtures;
import org.openenvelope.testing.MovableClock;
import org.openenvelope.testing.StoredRows;

/** The Tokens tab and bearer authentication: secrets shown once and stored hashed, revocation, account scope. */
@ExtendWith(ArquillianExtension.class)
class ApiTokenServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationActingAs().addClasses(MovableClock.class, StoredRows.class);
    }

    @Inject
    ActingCaller acting;

    @Inject
    AccountCallers callers;

    @Inject
    AccountService accounts;

    @Inject
    ApiTokenService tokens;

    @Inject
    AuditTrail audit;

    @Inject
    MovableClock clock;

    @Inject
    StoredRows stored;

    private IssuedToken issue(AccountSummary account, String name) {
        acting.actAs(callers.administratorOf(account.number()));
        return tokens.createToken(account.number(), name);
    }

    @Test
    void secretIsReturnedOnceAndOnlyItsHashIsStored() throws Exception {
        AccountSummary account = callers.newAccount("Tokens");
        IssuedToken issued = issue(account, " Provisioning script ");
        String secret = issued.secret();

        assertTrue(secret.matches("oe_[A-Za-z0-9_-]{43}"), secret);
        assertEquals("Provisioning script", issued.token().name());
        assertEquals(secret.substring(0, 9), issued.token().prefix());
        assertFalse(issued.toString().contains(secret), issued.toString());
        assertEquals(callers.administratorOf(account.number()).getName(), issued.token().createdBy());

        List<TokenView> listed = listed(account.number());
        assertEquals(List.of(issued.token().id()), listed.stream().map(TokenView::id).toList());
        assertFalse(listed.toString().contains(secret.substring(9)), "a list never shows the secret");

        List<Object[]> rows = stored.rows("select * from api_token where id = ?1", issued.token().id());
        assertEquals(1, rows.size());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(Arrays.stream(rows.get(0)).filter(Objects::nonNull).map(String::valueOf)
                .noneMatch(column -> column.contains(secret.substring(9))), "no column holds the secret");
        assertEquals(List.of(sha256), stored.rows("select secret_hash from api_token where id = ?1",
                issued.token().id()).stream().map(row -> (String) row[0]).toList());
    }

    @Test
    void authenticatesAsTheAccountAndRecordsLastUseAtMinutePrecision() {
        AccountSummary account = callers.newAccount("Tokens");
        IssuedToken issued = issue(account, "CI");
        assertNull(issued.token().lastUsedAt());

        Instant before = clock.now();
        Caller caller = tokens.authenticate(issued.secret()).orElseThrow().caller();

        assertEquals(CallerKind.API_TOKEN, caller.kind());
        assertEquals(AdministratorRole.ACCOUNT, caller.role());
        assertEquals(account.number(), caller.accountNumber());
        assertEquals(issued.token().id(), caller.subjectId());
        assertEquals("token \"CI\" (" + issued.token().prefix() + "…)", caller.getName());
        Instant firstUse = lastUsed(account, issued);
        assertFalse(firstUse.isBefore(before.minusMillis(1)), firstUse + " vs " + before);

        clock.advance(Duration.ofSeconds(30));
        tokens.authenticate(issued.secret()).orElseThrow().caller();
        assertEquals(firstUse, lastUsed(account, issued), "uses within a minute are not written");

        clock.advance(Duration.ofMinutes(2));
        Instant later = clock.now();
        tokens.authenticate(issued.secret()).orElseThrow().caller();
        assertFalse(lastUsed(account, issued).isBefore(later.minusMillis(1)), "a later use is recorded");
    }

    @Test
    void unknownMalformedAndHashValuesAreNotTokens() {
        AccountSummary account = callers.newAccount("Tokens");
        IssuedToken issued = issue(account, "Real");
        String hash = (String) stored.rows("select secret_hash from api_token where id = ?1", issued.token().id())
                .get(0)[0];

        for (String presented : new String[]{null, "", "garbage", issued.token().prefix(), hash,
                issued.secret() + "x", lastCharacterChanged(issued.secret()), "oe_" + "A".repeat(43),
                issued.secret().toUpperCase(), "Bearer " + issued.secret()}) {
            assertTrue(tokens.authenticate(presented).isEmpty(), presented);
        }
        assertTrue(tokens.authenticate(issued.secret()).isPresent());
    }

    @Test
    void revokedTokensAreRefusedAndCannotBeRevokedAgain() {
        AccountSummary account = callers.newAccount("Tokens");
        IssuedToken issued = issue(account, "Leaked");
        IssuedToken other = issue(account, "Still fine");

        tokens.revokeToken(account.number(), issued.token().id());

        assertTrue(tokens.authenticate(issued.secret()).isEmpty());
        assertTrue(tokens.authenticate(other.secret()).isPresent(), "only the revoked token stops working");
        TokenView revoked = listed(account.number()).stream()
                .filter(t -> t.id() == issued.token().id()).findFirst().orElseThrow();
        assertTrue(revoked.revoked());
        assertNotNull(revoked.revokedAt());
        assertEquals(callers.administratorOf(account.number()).getName(), revoked.revokedBy());
        ConflictException again = assertThrows(ConflictException.class,
                () -> tokens.revokeToken(account.number(), issued.token().id()));
        assertEquals("token", again.field());
    }

    @Test
    void tokensOfASuspendedAccountAreRefusedUntilItIsReactivated() {
        AccountSummary account = callers.newAccount("Tokens");
        IssuedToken issued = issue(account, "Nightly sync");

        acting.actAs(Fixtures.serviceAdministrator());
        accounts.suspendAccount(account.number());
        assertTrue(tokens.authenticate(issued.secret()).isEmpty());

        accounts.reactivateAccount(account.number());
        assertEquals(account.number(), tokens.authenticate(issued.secret()).orElseThrow().caller().accountNumber());
    }

    @Test
    void aTokenWithAnEndStopsAtItAndSaysWhetherItMayOnlyRead() {
        AccountSummary account = callers.newAccount("Tokens");
        acting.actAs(callers.administratorOf(account.number()));
        IssuedToken reporting = tokens.createToken(account.number(), "Reporting", 30, true);
        assertEquals(reporting.token().createdAt().plus(Duration.ofDays(30)), reporting.token().expiresAt());
        assertTrue(reporting.token().readOnly());
        assertTrue(tokens.authenticate(reporting.secret()).orElseThrow().readOnly());
        assertFalse(tokens.authenticate(issue(account, "Writer").secret()).orElseThrow().readOnly());

        clock.advance(Duration.ofDays(30));
        assertTrue(tokens.authenticate(reporting.secret()).isEmpty(), "ended");
        acting.actAs(callers.administratorOf(account.number()));
        assertEquals("validDays", assertThrows(InvalidValueException.class,
                () -> tokens.createToken(account.number(), "Forever and a day", 731, false)).field());
        assertEquals("validDays", assertThrows(InvalidValueException.class,
                () -> tokens.createToken(account.number(), "Gone", 0, false)).field());
    }

    @Test
    void tokenNamesAreValidated() {
        AccountSummary account = callers.newAccount("Tokens");
        acting.actAs(callers.administratorOf(account.number()));
        for (String name : new String[]{null, " ", "x".repeat(81), "line\nbreak"}) {
            InvalidValueException invalid = assertThrows(InvalidValueException.class,
                    () -> tokens.createToken(account.number(), name), name);
            assertEquals("name", invalid.field());
        }
        assertTrue(listed(account.number()).isEmpty());
    }

    @Test
    void aTokenCannotMintTokens() {
        AccountSummary account = callers.newAccount("Tokens");
        acting.actAs(callers.tokenOf(account.number()));
        assertThrows(AccessDeniedException.class, () -> tokens.createToken(account.number(), "Offspring"));

        acting.actAs(Fixtures.serviceAdministrator());
        assertTrue(listed(account.number()).isEmpty());
    }

    @Test
    void accountAdministratorCannotSeeCreateOrRevokeAnotherAccountsTokens() {
        AccountSummary mine = callers.newAccount("Tokens");
        AccountSummary theirs = callers.newAccount("Tokens");
        IssuedToken theirToken = issue(theirs, "Theirs");

        acting.actAs(callers.administratorOf(mine.number()));
        assertThrows(ResourceNotFoundException.class, () -> listed(theirs.number()));
        assertThrows(ResourceNotFoundException.class, () -> tokens.createToken(theirs.number(), "Planted"));
        assertThrows(ResourceNotFoundException.class,
                () -> tokens.revokeToken(theirs.number(), theirToken.token().id()));
        assertThrows(ResourceNotFoundException.class,
                () -> tokens.revokeToken(mine.number(), theirToken.token().id()));

        assertEquals(theirs.number(), tokens.authenticate(theirToken.secret()).orElseThrow().caller().accountNumber());
        acting.actAs(Fixtures.serviceAdministrator());
        List<TokenView> theirTokens = listed(theirs.number());
        assertEquals(1, theirTokens.size());
        assertFalse(theirTokens.get(0).revoked());
    }

    @Test
    void serviceTokensActForTheServiceAndOnlyServiceAdministratorsManageThem() {
        AccountSummary account = callers.newAccount("Tokens");
        acting.actAs(Fixtures.serviceAdministrator());
        IssuedToken service = tokens.createServiceToken("CRM provisioning", null, false);

        Caller caller = tokens.authenticate(service.secret()).orElseThrow().caller();
        assertEquals(AdministratorRole.SERVICE, caller.role());
        assertNull(caller.accountId());
        assertTrue(tokens.findServiceTokens("crm PROVISIONING", 0, Paging.MAX_SIZE).items().stream().anyMatch(t -> t.id() == service.token().id()));
        assertTrue(listed(account.number()).isEmpty(), "a service token belongs to no account");

        acting.actAs(callers.administratorOf(account.number()));
        assertThrows(AccessDeniedException.class, () -> tokens.createServiceToken("Escalation", null, false));
        assertThrows(AccessDeniedException.class, () -> tokens.findServiceTokens(null, 0, 1));
        assertThrows(AccessDeniedException.class, () -> tokens.revokeServiceToken(service.token().id()));
        assertThrows(ResourceNotFoundException.class,
                () -> tokens.revokeToken(account.number(), service.token().id()),
                "a service token is not in any account");
        acting.actAs(caller);
        assertThrows(AccessDeniedException.class, () -> tokens.createServiceToken("Offspring", null, false));

        acting.actAs(Fixtures.serviceAdministrator());
        IssuedToken accountToken = issue(account, "Account scoped");
        acting.actAs(Fixtures.serviceAdministrator());
        assertThrows(ResourceNotFoundException.class, () -> tokens.revokeServiceToken(accountToken.token().id()));
        tokens.revokeServiceToken(service.token().id());
        assertTrue(tokens.authenticate(service.secret()).isEmpty());
    }

    @Test
    void creationAndRevocationAreAuditedWithThePrefixNeverTheSecret() {
        AccountSummary account = callers.newAccount("Tokens");
        IssuedToken issued = issue(account, "Audited");
        tokens.revokeToken(account.number(), issued.token().id());

        List<AuditEntry> events = audit.accountEvents(account.number(), 0, 2).items();
        assertEquals(List.of("token.revoked", "token.created"), events.stream().map(AuditEntry::action).toList());
        assertEquals("Created API token \"Audited\" (" + issued.token().prefix() + "…)", events.get(1).detail());
        assertEquals("Revoked API token \"Audited\" (" + issued.token().prefix() + "…)", events.get(0).detail());
        assertTrue(events.stream().noneMatch(e -> e.detail().contains(issued.secret().substring(9))));
    }

    @Test
    void tokensAreFoundByPartOfTheirNameInNameOrderAPageAtATime() {
        AccountSummary account = callers.newAccount("Tokens");
        IssuedToken nightly = issue(account, "Nightly SYNC");
        IssuedToken reporting = issue(account, "Reporting 100%");
        IssuedToken backup = issue(account, "Backup sync");
        IssuedToken backupAgain = issue(account, "Backup sync");

        acting.actAs(callers.administratorOf(account.number()));
        assertEquals(List.of(backupAgain.token().id(), backup.token().id(), nightly.token().id(),
                reporting.token().id()), listed(account.number()).stream().map(TokenView::id).toList(),
                "by name, the newest first among equal names");
        Page<TokenView> firstPage = tokens.findTokens(account.number(), " Sync ", 0, 2);
        assertEquals(3, firstPage.total());
        assertEquals(List.of(backupAgain.token().id(), backup.token().id()),
                firstPage.items().stream().map(TokenView::id).toList());
        assertEquals(List.of(nightly.token().id()), tokens.findTokens(account.number(), "sync", 1, 2).items().stream()
                .map(TokenView::id).toList());
        assertEquals(List.of(reporting.token().id()), tokens.findTokens(account.number(), "0%", 0, 20).items().stream()
                .map(TokenView::id).toList(), "% is looked for as typed");
        assertEquals(0, tokens.findTokens(account.number(), "_", 0, 20).total(), "_ is looked for as typed");
        assertEquals(4, tokens.findTokens(account.number(), "  ", 0, 20).total(), "a blank search finds all");
    }

    private List<TokenView> listed(String accountNumber) {
        return tokens.findTokens(accountNumber, null, 0, Paging.MAX_SIZE).items();
    }

    private static String lastCharacterChanged(String secret) {
        char last = secret.charAt(secret.length() - 1);
        return secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private Instant lastUsed(AccountSummary account, IssuedToken issued) {
        acting.actAs(Fixtures.serviceAdministrator());
        return listed(account.number()).stream().filter(t -> t.id() == issued.token().id())
                .findFirst().orElseThrow().lastUsedAt();
    }
}
