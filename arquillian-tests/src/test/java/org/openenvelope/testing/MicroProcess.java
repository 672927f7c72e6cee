package org.openenvelope.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the service on Payara Micro as its own process, laid out the way the README's run command starts it (or,
 * where a test says so, as the self-contained WAR or a node prepared by {@code node/prepare.sh}), with a data
 * directory and environment of the test's choosing. Used where a test must stop and start the service.
 */
public final class MicroProcess implements AutoCloseable {

    /** How the service is laid out for Payara Micro (README, "Start-up and footprint"). */
    public enum Layout {
        /** The README run command's: the WAR of {@code web/target/openenvelope-micro}, its {@code lib/} added. */
        MICRO,
        /** The self-contained {@code openenvelope.war} alone. */
        WHOLE_WAR
    }

    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Process process;
    private final Path log;
    private final URI base;

    private MicroProcess(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /**
     * Starts the service on a free port and waits until it answers.
     *
     * @param environment variables to set; a null value removes the variable inherited from the test JVM
     */
    public static MicroProcess start(Path dataDir, Map<String, String> environment, Path log) throws IOException {
        return start(dataDir, environment, log, freePort());
    }

    /** Starts the service laid out as {@code layout} and waits until it answers. */
    public static MicroProcess start(Layout layout, Path dataDir, Map<String, String> environment, Path log)
            throws IOException {
        MicroProcess micro = launch(payaraMicro(layout, dataDir, List.of()), dataDir, environment, log, freePort(),
                List.of());
        micro.awaitReady();
        return micro;
    }

    /**
     * Lays out a node with {@code node/prepare.sh} (Payara Micro's root directory with the application deployed,
     * and a class-data-sharing archive from a training start) in {@code nodeDir}.
     */
    public static Path prepareNode(Path nodeDir, Path log) throws IOException, InterruptedException {
        Process prepare = new ProcessBuilder("bash", Deployments.file("openenvelope.test.node-prepare").getPath(),
                nodeDir.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!prepare.waitFor(STARTUP.toMillis(), TimeUnit.MILLISECONDS) || prepare.exitValue() != 0) {
            prepare.destroyForcibly();
            throw new IllegalStateException("node/prepare.sh failed; see " + log);
        }
        return nodeDir;
    }

    /** Starts a node laid out by {@link #prepareNode} with its own {@code start.sh} and waits until it answers. */
    public static MicroProcess startNode(Path nodeDir, Path dataDir, Map<String, String> environment, Path log)
            throws IOException {
        MicroProcess micro = launch(List.of("bash", nodeDir.resolve("start.sh").toString()), dataDir, environment,
                log, freePort(), List.of());
        micro.awaitReady();
        return micro;
    }

    /** Starts the service with more Payara Micro options (e.g. {@code --logproperties}) and waits for it. */
    public static MicroProcess start(Path dataDir, Map<String, String> environment, Path log, List<String> options)
            throws IOException {
        MicroProcess micro = launch(payaraMicro(Layout.MICRO, dataDir, options), dataDir, environment, log, freePort(),
                options);
        micro.awaitReady();
        return micro;
    }

    /** Starts the service on {@code port} (a restart where the base URL must stay the same) and waits for it. */
    public static MicroProcess start(Path dataDir, Map<String, String> environment, Path log, int port)
            throws IOException {
        MicroProcess micro = launch(payaraMicro(Layout.MICRO, dataDir, List.of()), dataDir, environment, log, port, List.of());
        micro.awaitReady();
        return micro;
    }

    /** Starts the service without waiting for it: for a start that is expected to be refused. */
    public static MicroProcess launch(Path dataDir, Map<String, String> environment, Path log) throws IOException {
        return launch(payaraMicro(Layout.MICRO, dataDir, List.of()), dataDir, environment, log, freePort(), List.of());
    }

    /** The command that starts Payara Micro with the service laid out as {@code layout}, but for its port. */
    private static List<String> payaraMicro(Layout layout, Path dataDir, List<String> options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.io.tmpdir=" + Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-tmp")),
                "-jar", Deployments.file("openenvelope.test.micro-jar").getPath(),
                "--disablephonehome",
                "--contextroot", "/"));
        if (!options.contains("--clustermode")) {
            command.add("--nohazelcast"); // a prepared node's start.sh decides so itself
        }
        if (layout == Layout.MICRO) {
            command.addAll(List.of("--addlibs", Deployments.directory("openenvelope.test.micro-lib").getPath(),
                    "--deploy", Deployments.file("openenvelope.test.micro-war").getPath()));
        } else {
            command.addAll(List.of("--deploy", Deployments.file("openenvelope.test.war").getPath()));
        }
        return command;
    }

    private static MicroProcess launch(List<String> payaraMicro, Path dataDir, Map<String, String> environment,
                                       Path log, int port, List<String> options) throws IOException {
        List<String> command = new ArrayList<>(payaraMicro);
        command.addAll(List.of("--port", Integer.toString(port)));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("OPENENVELOPE_DATA_DIR", dataDir.toString());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Files.createDirectories(log.getParent());
        return new MicroProcess(builder.start(), log, URI.create("http://127.0.0.1:" + port + "/"));
    }

    public URI base() {
        return base;
    }

    public int port() {
        return base.getPort();
    }

    /** Waits for the process to end on its own and returns its exit status. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError("Payara Micro still ran after " + limit + "; see " + log);
        }
        return process.exitValue();
    }

    /** Ends the process the way a power cut, an OOM killer or {@code kill -9} does: no shutdown of any kind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("Payara Micro survived SIGKILL");
        }
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /**
     * The log matched against {@code pattern}, read again until it has a match or {@code limit} has passed: that
     * the service answers does not guarantee that every line its other threads logged before is in the file yet.
     *
     * @return a fresh matcher over the log as last read; {@code find()} tells whether the line is there
     */
    public Matcher awaitLog(Pattern pattern, Duration limit) throws IOException {
        Instant deadline = Instant.now().plus(limit);
        Matcher matcher = pattern.matcher(log());
        while (!matcher.find() && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(200));
            matcher = pattern.matcher(log());
        }
        return matcher.reset();
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(base.resolve("login.xhtml"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException("Payara Micro did not answer within " + STARTUP + "; see " + log);
    }

    /** Stops the service the way an operator does (SIGTERM) and waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
