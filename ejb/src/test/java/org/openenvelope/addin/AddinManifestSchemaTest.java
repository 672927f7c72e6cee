package org.openenvelope.addin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The manifest against Microsoft's published schema, offline: Microsoft's XML schemas are in no package reachable
 * here, so the XML is converted by {@code office-addin-manifest-converter} into the JSON app manifest and validated
 * by {@code @microsoft/app-manifest} against the JSON schema that ships in it ({@code src/test/manifest-check},
 * pinned by its package-lock). The converter exits 0 even when it fails, so the test checks that it wrote the JSON.
 * Needs Node.js and npm (the npm registry): skipped with a message without them, except on CI (CI=true).
 */
class AddinManifestSchemaTest {

    private static final Path WORK = Path.of("target", "manifest-check");

    @BeforeAll
    static void installTheCheckingTools() throws Exception {
        boolean available = run(Path.of("."), 30, "node", "--version").exit() == 0 && run(Path.of("."), 30, "npm", "--version").exit() == 0;
        if (!available) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("Node.js and npm are needed for the manifest schema check on CI (apt-get install nodejs npm)");
            }
            System.err.println("\n*** AddinManifestSchemaTest SKIPPED: Node.js/npm not found; the manifest was not checked against"
                    + " Microsoft's schema. ***\n");
            Assumptions.abort("Node.js and npm are not installed");
        }
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "validate.js")) {
            Files.copy(Path.of("src", "test", "manifest-check", file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(WORK.resolve("node_modules").resolve("office-addin-manifest-converter"))) {
            Result installed = run(WORK, 300, "npm", "ci", "--no-audit", "--no-fund");
            assertEquals(0, installed.exit(), "npm ci: " + installed.output());
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path directory, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return new Result(-1, notInstalled.getMessage());
        }
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-2, "timed out: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Converts the XML; the JSON manifest, or null when the converter wrote none. */
    private static Path convert(String name, String xml) throws Exception {
        Path input = WORK.resolve(name + ".xml");
        Path output = WORK.resolve(name);
        Files.writeString(input, xml);
        if (Files.exists(output.resolve("manifest.json"))) {
            Files.delete(output.resolve("manifest.json"));
        }
        Result converted = run(WORK, 120, "node", "node_modules/office-addin-manifest-converter/cli.js", "convert",
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

        Result validated = run(WORK, 120, "node", "validate.js", WORK.relativize(json).toString());
        assertEquals(0, validated.exit(), validated.output());
        assertTrue(validated.output().startsWith("VALID"), validated.output());
    }

    @Test
    void theCheckCatchesABrokenManifest() throws Exception {
        String broken = AddinManifest.generate(AddinManifestTest.ID, 4, "Contoso", AddinManifestTest.BASE)
                .replace("<Permissions>ReadWriteItem</Permissions>", "<Permissions>EverythingPlease</Permissions>");
        assertFalse(convert("broken", broken) != null && run(WORK, 120, "node", "validate.js", "broken/manifest.json").exit() == 0,
                "a manifest Office would refuse does not pass the check");
    }
}
