package org.openenvelope.branding;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.openenvelope.error.InvalidValueException;

/**
 * Turns an uploaded file into a {@link Logo} that is safe to put in front of recipients, or refuses it naming the
 * problem: a PNG is decoded and written again (nothing of the upload but its pixels survives: no text chunks, no
 * data appended after the image), an SVG is rebuilt by {@link SvgLogos}. The type is what the bytes are, not what
 * the upload claimed.
 */
public final class LogoImages {

    /** The field errors name, in the portal and the API. */
    public static final String FIELD = "logo";
    static final int MAX_PIXELS_PER_SIDE = 2000;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static {
        ImageIO.setUseCache(false);
    }

    private LogoImages() {
    }

    /**
     * @param fileName how the administrator knows the file, for messages; may be null
     * @throws InvalidValueException on field {@value #FIELD}
     */
    public static Logo read(byte[] upload, String fileName) {
        String file = fileName == null || fileName.isBlank() ? "The logo" : "The file " + fileName;
        if (upload == null || upload.length == 0) {
            throw new InvalidValueException(FIELD, "Choose a PNG or SVG file for the logo.");
        }
        if (upload.length > Logo.MAX_BYTES) {
            throw new InvalidValueException(FIELD, file + " is " + upload.length + " bytes; a logo may be at most "
                    + Logo.MAX_BYTES + " bytes (100 KiB), as it travels in every message.");
        }
        byte[] safe;
        String type;
        if (startsWith(upload, PNG_SIGNATURE)) {
            safe = png(upload, file);
            type = Logo.PNG;
        } else if (looksLikeXml(upload)) {
            safe = SvgLogos.rebuild(upload, file);
            type = Logo.SVG;
        } else {
            throw new InvalidValueException(FIELD, file + " is neither a PNG nor an SVG image.");
        }
        if (safe.length > Logo.MAX_BYTES) {
            throw new InvalidValueException(FIELD, file + " is " + safe.length + " bytes once made safe; a logo may be"
                    + " at most " + Logo.MAX_BYTES + " bytes. Make it smaller, for example 400 × 160 pixels.");
        }
        return new Logo(type, safe, digest(safe));
    }

    private static byte[] png(byte[] upload, String file) {
        // the header's size is checked before decoding, so a small file cannot ask for gigabytes of pixels
        if (upload.length < 24 || !"IHDR".equals(new String(upload, 12, 4, StandardCharsets.US_ASCII))) {
            throw new InvalidValueException(FIELD, file + " is not a readable PNG image.");
        }
        long width = Integer.toUnsignedLong(ByteBuffer.wrap(upload, 16, 4).getInt());
        long height = Integer.toUnsignedLong(ByteBuffer.wrap(upload, 20, 4).getInt());
        if (width == 0 || height == 0 || width > MAX_PIXELS_PER_SIDE || height > MAX_PIXELS_PER_SIDE) {
            throw new InvalidValueException(FIELD, file + " is " + width + " × " + height + " pixels; a logo may be at"
                    + " most " + MAX_PIXELS_PER_SIDE + " pixels on each side.");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(upload));
            if (image == null) {
                throw new InvalidValueException(FIELD, file + " is not a readable PNG image.");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(upload.length);
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidValueException invalid) {
                throw invalid;
            }
            throw new InvalidValueException(FIELD, file + " is not a readable PNG image (" + e.getMessage() + ").");
        }
    }

    private static boolean looksLikeXml(byte[] upload) {
        String start = new String(upload, 0, Math.min(upload.length, 512), StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("\ufeff")) {
            start = start.substring(1);
        }
        return start.startsWith("<");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
