package org.openenvelope.branding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openenvelope.error.InvalidValueException;

class LogoImagesTest {

    private static final String SVG_OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\""
            + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 100 40\">";

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, Color.RED.getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A tEXt chunk put in before IEND, and bytes after the image: what a polyglot or a leaky export carries. */
    private static byte[] withTextAndTrailer(byte[] png) {
        byte[] text = "Comment\0secret-export-path".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + text.length);
        chunk.putInt(text.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(text);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + text.length);
        chunk.putInt((int) crc.getValue());
        int iend = png.length - 12;
        byte[] trailer = "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(png.length + chunk.capacity() + trailer.length);
        out.put(png, 0, iend).put(chunk.array()).put(png, iend, 12).put(trailer);
        return out.array();
    }

    private static String refusal(String svg) {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> LogoImages.read(svg.getBytes(StandardCharsets.UTF_8), "logo.svg"));
        assertEquals("logo", refused.field());
        return refused.getMessage();
    }

    private static String kept(String svg) {
        Logo logo = LogoImages.read(svg.getBytes(StandardCharsets.UTF_8), "logo.svg");
        assertEquals(Logo.SVG, logo.mediaType());
        return new String(logo.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aPngIsWrittenAgainKeepingOnlyItsPixels() throws Exception {
        byte[] upload = withTextAndTrailer(png(120, 40));
        Logo logo = LogoImages.read(upload, "logo.png");
        assertEquals(Logo.PNG, logo.mediaType());
        String bytes = new String(logo.bytes(), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("secret-export-path") || bytes.contains("<script"), "text and trailer dropped");
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(logo.bytes()));
        assertEquals(120, read.getWidth());
        assertEquals(Color.RED.getRGB(), read.getRGB(1, 1));
        assertEquals(LogoImages.digest(logo.bytes()), logo.digest());
        assertEquals(64, logo.digest().length());
    }

    @Test
    void aPngTooLargeOnASideIsRefusedBeforeItIsDecoded() throws Exception {
        byte[] header = png(10, 10);
        ByteBuffer.wrap(header, 16, 8).putInt(60_000).putInt(60_000);
        String message = assertThrows(InvalidValueException.class, () -> LogoImages.read(header, "huge.png")).getMessage();
        assertTrue(message.contains("60000 × 60000 pixels"), message);
    }

    @Test
    void sizeAndTypeAreChecked() throws Exception {
        byte[] large = new byte[Logo.MAX_BYTES + 1];
        System.arraycopy(png(2, 2), 0, large, 0, 8);
        assertTrue(assertThrows(InvalidValueException.class, () -> LogoImages.read(large, "big.png")).getMessage()
                .contains("at most 102400 bytes"));
        assertTrue(assertThrows(InvalidValueException.class, () -> LogoImages.read(new byte[] {'G', 'I', 'F', '8'},
                "logo.gif")).getMessage().contains("neither a PNG nor an SVG"));
        assertTrue(assertThrows(InvalidValueException.class, () -> LogoImages.read(new byte[0], null)).getMessage()
                .contains("Choose a PNG or SVG"));
        byte[] broken = png(10, 10);
        broken[40] ^= 0x55;
        broken[41] ^= 0x55;
        assertTrue(assertThrows(InvalidValueException.class, () -> LogoImages.read(broken, "broken.png")).getMessage()
                .contains("not a readable PNG"));
    }

    @Test
    void anSvgKeepsItsDrawingAndLosesEditorsData() {
        String svg = kept("<?xml version=\"1.0\"?>\n<!-- Generator: Editor -->\n<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\""
                + " width=\"120px\" height=\"40\" inkscape:version=\"1.3\"><metadata><rdf:RDF"
                + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/></metadata><inkscape:grid/>"
                + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#7a1f3d\"/></linearGradient>"
                + "<style>.mark{fill:url(#g)}</style></defs>"
                + "<path id=\"p\" class=\"mark\" d=\"M0 0h10v10z\" style=\"fill:url('#g');stroke:#000\"/>"
                + "<use xlink:href=\"#p\" x=\"20\"/><text x=\"40\" y=\"20\">Contoso &amp; Co</text></svg>");
        assertTrue(svg.contains("viewBox=\"0 0 120 40\""), svg);
        assertTrue(svg.contains("<path") && svg.contains("d=\"M0 0h10v10z\"") && svg.contains("xlink:href=\"#p\"")
                && svg.contains("Contoso &amp; Co") && svg.contains(".mark{fill:url(#g)}"), svg);
        assertFalse(svg.contains("inkscape") || svg.contains("rdf") || svg.contains("Generator"), svg);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<script>alert(1)</script>|<script>",
            "<rect width='1' height='1' onclick='alert(1)'/>|event handler (onclick",
            "<rect width='1' height='1' ONLOAD='alert(1)'/>|event handler (ONLOAD",
            "<a href='https://evil.example'><rect width='1' height='1'/></a>|<a>",
            "<use href='https://evil.example/x.svg#a'/>|refer to its own parts",
            "<use xlink:href='data:image/svg+xml;base64,AAAA#a'/>|refer to its own parts",
            "<image href='https://tracker.example/p.png' width='1' height='1'/>|<image>",
            "<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>x</div></foreignObject>|<foreignObject>",
            "<animate attributeName='href' to='javascript:alert(1)'/>|<animate>",
            "<set attributeName='fill' to='red'/>|<set>",
            "<rect width='1' height='1' fill='url(https://tracker.example/p)'/>|url(",
            "<style>@import url('#x');</style>|@import",
            "<style>@font-face{src:url(https://fonts.example/f.woff)}</style>|url(",
            "<rect width='1' height='1' style='fill:u\\72l(https://x.example)'/>|escapes",
            "<rect width='1' height='1' filter='&#106;avascript:alert(1)'/>|script address",
            "<feImage href='#x'/>|<feImage>"})
    void whatCanActOrLoadIsRefusedNamingIt(String inside, String named) {
        String message = refusal(SVG_OPEN + inside + "</svg>");
        assertTrue(message.contains(named), message);
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverExpanded() {
        String message = refusal("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + SVG_OPEN + "<text>&xxe;</text></svg>");
        assertTrue(message.contains("DOCTYPE"), message);
    }

    @Test
    void onlyAnSvgThatCanBeScaledIsKept() {
        assertTrue(refusal("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>").contains("root element is <html>"));
        assertTrue(refusal("<svg><rect/></svg>").contains("root element is <svg>"), "not in the SVG namespace");
        assertTrue(refusal("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"50%\"><rect/></svg>").contains("viewBox"));
        assertTrue(refusal("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect").contains("not well-formed"));
    }

    @Test
    void theSameImageHasTheSameDigest() throws Exception {
        byte[] png = png(20, 20);
        assertArrayEquals(LogoImages.read(png, "a.png").bytes(), LogoImages.read(png, "b.png").bytes());
        assertEquals(LogoImages.read(png, "a.png").digest(), LogoImages.read(png, "b.png").digest());
    }
}
