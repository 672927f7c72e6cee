package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openenvelope.testing.NodePackages;

/**
 * The manifest against Microsoft's published schema, offline: Microsoft's XML schemas are in no package reachable
 * here, so the XML is converted by {@code office-addin-manifest-converter} into the JSON app manifest and validated
 * by {@code @microsoft/app-manifest} against the JSON schema that ships in it ({@code src/test/manifest-check},
 * pinned by its package-lock). The converter exits 0 even when it fails, so the test checks that it wrote the JSON.
 * Needs Node.js and npm (the npm registry): skipped with a message without them, except on CI (CI=true).
 */
class AddinManifestSchemaTest {

    private static Path work;

    @BeforeAll
    static void installTheCheckingTools() throws Exception {
        work = NodePackages.install("manifest-check", "AddinManifestSchemaTest (the manifest against Microsoft's schema)",
                "validate.js");
    }

    private static NodePackages.Result run(long timeoutSeconds, String... command) throws Exception {
        return NodePackages.run(work, timeoutSeconds, command);
    }

    /** Converts the XML; the JSON manifest, or null when the converter wrote none. */
    private static Path convert(String name, String xml) throws Exception {
        Path input = work.resolve(name + ".xml");
        Path output = work.resolve(name);
        Files.writeString(input, xml);
        if (Files.exists(output.resolve("manifest.json"))) {
            Files.delete(output.resolve("manifest.json"));
        }
        NodePackages.Result converted = run(120, "node", "node_modules/office-addin-manifest-converter/cli.js", "convert",
                input.getFileName().toString(), "--output", name);
        Path json = output.resolve("manifest.json");
        return converted.exit() == 0 && Files.exists(json) ? json : null;
    }

    @Test
    void theManifestConvertsToAJsonAppManifestThatThePublishedSchemaAccepts() throws Exception {
        Path json = convert("manifest", AddinManifest.generate(AddinManifestTest.ID, 4, "Contoso", AddinManifestTest.BASE));
        assertTrue(json != null, "the converter wrote the JSON manifest");
        String converted = Files.readString(json);
        assertTrue(converted.contains("\"id\": \"" + AddinManifestTest.ID + "\"") && converted.contains("\"version\": \"1.0.4\""), converted);
        assertTrue(converted.contains("MailboxItem.ReadWrite.User"), "ReadWriteItem became the item permission: " + converted);

        NodePackages.Result validated = run(120, "node", "validate.js", work.relativize(json).toString());
        assertEquals(0, validated.exit(), validated.output());
        assertTrue(validated.output().startsWith("VALID"), validated.output());
    }

    @Test
    void theCheckCatchesABrokenManifest() throws Exception {
        String broken = AddinManifest.generate(AddinManifestTest.ID, 4, "Contoso", AddinManifestTest.BASE)
                .replace("<Permissions>ReadWriteItem</Permissions>", "<Permissions>EverythingPlease</Permissions>");
        assertFalse(convert("broken", broken) != null && run(120, "node", "validate.js", "broken/manifest.json").exit() == 0,
                "a manifest Office would refuse does not pass the check");
    }
}
