package org.openenvelope.account;

import java.util.Arrays;
import java.util.Optional;

/**
 * The tabs of an account page, in the order the source product shows them. Tabs whose capability is not built
 * yet still appear, so administrators see the whole product, and lead to a page saying so.
 */
public enum AccountTab {
    DETAILS("details", "Details", true),
    GROUPS("groups", "Groups", true),
    TOKENS("tokens", "Tokens", true),
    ADDIN_CONFIG("addin-config", "Addin Config", true),
    RULES("rules", "Rules", true),
    PROFILES("profiles", "Profiles", true),
    BRANDING("branding", "Branding", true),
    FEATURES("features", "Features", true),
    MIGRATION("migration", "Migration", false),
    SECURITY("security", "Security", true),
    TEMPLATES("templates", "Templates", true),
    ENVELOPES("envelopes", "Envelopes", true),
    AUDIT("audit", "Audit log", true);

    private static final String PAGES = "/admin/accounts/";

    private final String key;
    private final String label;
    private final boolean available;

    AccountTab(String key, String label, boolean available) {
        this.key = key;
        this.label = label;
        this.available = available;
    }

    /** The tab with this URL key, e.g. {@code addin-config}. */
    public static Optional<AccountTab> ofKey(String key) {
        return Arrays.stream(values()).filter(tab -> tab.key.equals(key)).findFirst();
    }

    public String getKey() {
        return key;
    }

    public String getLabel() {
        return label;
    }

    public boolean isAvailable() {
        return available;
    }

    /** The view the tab links to; every tab not built yet shares one page, told which tab by {@code tab=key}. */
    public String getOutcome() {
        return PAGES + (available ? key : "unavailable");
    }
}
