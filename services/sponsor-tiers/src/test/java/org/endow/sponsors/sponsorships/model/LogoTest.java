package org.endow.sponsors.sponsorships.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Uploads are recognised by content: those that lie about their type, or carry scripts, are refused. */
class LogoTest {

    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    static final byte[] SVG =
            ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"100\">"
                            + "<rect width=\"300\" height=\"100\" fill=\"#1f4e8c\"/></svg>")
                    .getBytes(StandardCharsets.UTF_8);

    @Test
    void a_png_and_an_svg_are_taken_for_what_they_are() throws Exception {
        assertEquals(Logo.PNG, Logo.of(png(400, 120), "image/png").contentType());
        assertEquals(Logo.SVG, Logo.of(SVG, "image/svg+xml; charset=utf-8").contentType());
    }

    @Test
    void uploads_that_lie_about_their_type_are_refused_saying_what_they_are() throws Exception {
        byte[] png = png(400, 120);
        Logo.Refused pngAsSvg = assertThrows(Logo.Refused.class, () -> Logo.of(png, "image/svg+xml"));
        assertTrue(pngAsSvg.getMessage().contains("says it is image/svg+xml but its content is image/png"));
        assertThrows(Logo.Refused.class, () -> Logo.of(SVG, "image/png"));
        Logo.Refused text = assertThrows(
                Logo.Refused.class,
                () -> Logo.of("MZ\u0090 not an image".getBytes(StandardCharsets.UTF_8), "image/png"));
        assertTrue(text.getMessage().contains("neither a PNG nor an SVG"));
        assertThrows(Logo.Refused.class, () -> Logo.of(new byte[0], "image/png"));
        assertThrows(Logo.Refused.class, () -> Logo.of(new byte[Logo.MAX_BYTES + 1], "image/png"));
    }

    @Test
    void an_svg_with_scripts_handlers_or_external_references_and_a_tiny_png_are_refused() throws Exception {
        for (String active : new String[] {
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://evil.example/x.png\"/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><a xlink:href=\"javascript:alert(1)\">x</a></svg>"
        }) {
            assertThrows(
                    Logo.Refused.class,
                    () -> Logo.of(active.getBytes(StandardCharsets.UTF_8), "image/svg+xml"),
                    active);
        }
        Logo.Refused tiny = assertThrows(Logo.Refused.class, () -> Logo.of(png(16, 16), "image/png"));
        assertTrue(tiny.getMessage().contains("16×16"));
    }
}
