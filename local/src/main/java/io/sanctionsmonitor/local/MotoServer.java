package io.sanctionsmonitor.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A moto_server child process on a loopback port, or one already listening there (then left running). */
public final class MotoServer implements AutoCloseable {
    private final URI endpoint;
    private final Process process;

    private MotoServer(URI endpoint, Process process) {
        this.endpoint = endpoint;
        this.process = process;
    }

    /** Starts moto_server on host:port, logging to logFile, unless a moto already answers there. */
    public static MotoServer start(String host, int port, Path logFile) throws IOException, InterruptedException {
        URI endpoint = URI.create("http://" + host + ":" + port);
        if (isUp(endpoint)) {
            return new MotoServer(endpoint, null);
        }
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Process process;
        try {
            process = new ProcessBuilder(command(host, port))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot run moto_server (install it with: pip install 'moto[server]>=5.2'): " + e.getMessage(), e);
        }
        MotoServer server = new MotoServer(endpoint, process);
        for (int attempt = 0; attempt < 150; attempt++) {
            if (isUp(endpoint)) {
                return server;
            }
            if (!process.isAlive()) {
                throw new IOException("moto_server exited with " + process.exitValue() + "; see " + logFile);
            }
            Thread.sleep(200);
        }
        server.close();
        throw new IOException("moto_server did not answer on " + endpoint + " within 30 s; see " + logFile);
    }

    /**
     * In a session of its own where setsid exists: Ctrl-C in the terminal then reaches only the JVM, whose
     * shutdown hook stops the poller before moto, instead of moto vanishing under a running poller.
     */
    private static List<String> command(String host, int port) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of("moto_server", "-H", host, "-p", String.valueOf(port)));
        return command;
    }

    public static boolean isUp(URI endpoint) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Whether this object started the process (and so stops it on close). */
    public boolean started() {
        return process != null;
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
