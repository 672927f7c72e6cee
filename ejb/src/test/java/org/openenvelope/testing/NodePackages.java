package org.openenvelope.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * npm packages that tests need (Microsoft's manifest tools, Office.js), pinned by a package-lock in the module's
 * {@code src/test/<name>} and installed with {@code npm ci} into {@code target/<name>}. Without Node.js and npm the
 * test is skipped with a loud message, except on CI ({@code CI=true}), where that is a failure.
 */
public final class NodePackages {

    public record Result(int exit, String output) {
    }

    private NodePackages() {
    }

    /**
     * @param name  the folder under {@code src/test} holding package.json, package-lock.json and {@code files}
     * @param test  who needs them, for the skip message
     * @return the folder the packages are installed in
     */
    public static Path install(String name, String test, String... files) throws IOException, InterruptedException {
        boolean available = run(Path.of("."), 30, "node", "--version").exit() == 0
                && run(Path.of("."), 30, "npm", "--version").exit() == 0;
        if (!available) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("Node.js and npm are needed for " + test + " on CI (apt-get install nodejs npm)");
            }
            System.err.println("\n*** " + test + " SKIPPED: Node.js/npm not found. ***\n");
            Assumptions.abort("Node.js and npm are not installed");
        }
        Path work = Files.createDirectories(Path.of("target", name));
        for (String file : concat(List.of("package.json", "package-lock.json"), files)) {
            Files.copy(Path.of("src", "test", name, file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(work.resolve("node_modules"))) {
            Result installed = run(work, 300, "npm", "ci", "--no-audit", "--no-fund");
            if (installed.exit() != 0) {
                throw new AssertionError("npm ci in " + work + ": " + installed.output());
            }
        }
        return work;
    }

    public static Result run(Path directory, long timeoutSeconds, String... command) throws IOException, InterruptedException {
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

    private static List<String> concat(List<String> first, String... more) {
        return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(more)).toList();
    }
}
