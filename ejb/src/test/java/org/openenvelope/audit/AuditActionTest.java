package org.openenvelope.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditActionTest {

    @Test
    void everyActionHasItsOwnCode() {
        Set<String> codes = Arrays.stream(AuditAction.values()).map(AuditAction::code).collect(Collectors.toSet());
        assertEquals(AuditAction.values().length, codes.size(), "stored codes must not collide");
    }

    @ParameterizedTest
    @EnumSource(AuditAction.class)
    void codesAreStableLowerCaseSubjectDotEventAndFitTheColumn(AuditAction action) {
        assertTrue(action.code().matches("[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*"), action.code());
        assertTrue(action.code().length() <= 64, "audit_event.action is VARCHAR(64)");
    }

    @Test
    void codesThatClientsAlreadyReadDoNotChange() {
        assertEquals("account.created", AuditAction.ACCOUNT_CREATED.code());
        assertEquals("sign-in.locked", AuditAction.SIGN_IN_LOCKED.code());
        assertEquals("administrator.password-changed", AuditAction.PASSWORD_CHANGED.code());
        assertEquals("profile.entries-added", AuditAction.PROFILE_ENTRIES_ADDED.code());
    }
}
