package org.openenvelope.branding;

import java.io.Serializable;
/**
 * What an administrator sets on the Branding tab, as typed: checked by {@link AccountBranding#change}.
 *
 * @param displayName blank for the account's own name
 */
public record BrandChoice(String displayName, String brandColour, String backgroundColour) implements Serializable {
}
