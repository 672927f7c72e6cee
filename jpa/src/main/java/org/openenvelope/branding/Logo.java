package org.openenvelope.branding;

import java.util.Arrays;

/**
 * A logo as it is kept, after {@code LogoImages} made it safe: a PNG decoded and written again, or an SVG rebuilt
 * from the elements a logo needs.
 *
 * @param digest SHA-256 of the bytes, hexadecimal: the logo's address, so a changed logo is a new address
 */
public record Logo(String mediaType, byte[] bytes, String digest) {

    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    /** The largest logo kept: it travels in every securedoc attachment and notification. */
    public static final int MAX_BYTES = 102_400;

    public Logo {
        if (!PNG.equals(mediaType) && !SVG.equals(mediaType)) {
            throw new IllegalArgumentException("not a logo type: " + mediaType);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public boolean isSvg() {
        return SVG.equals(mediaType);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Logo logo && mediaType.equals(logo.mediaType) && Arrays.equals(bytes, logo.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * mediaType.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return mediaType + ", " + bytes.length + " bytes, sha256 " + digest;
    }
}
