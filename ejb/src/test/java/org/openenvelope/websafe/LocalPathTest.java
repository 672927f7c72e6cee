package org.openenvelope.websafe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/websafe/", "/websafe/inbox?id=7&x=%2F", "/admin/accounts/details.xhtml?number=1"})
    void followsPathsOnThisService(String path) {
        assertEquals(path, LocalPath.orUserPortal(path));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
            "javascript:alert(1)", "websafe/", "/websafe/\r\nSet-Cookie:x=y", "/\tevil"})
    void sendsEverythingElseToTheUserPortal(String candidate) {
        assertEquals(LocalPath.USER_PORTAL, LocalPath.orUserPortal(candidate));
    }
}
