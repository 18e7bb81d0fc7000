package dev.txsuite.launcher.process;

import dev.txsuite.launcher.SuiteFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service running from its runnable jar as a separate process, ready once its readiness probe answers
 * 200. It can be stopped and started again on the same port and database.
 */
public final class ServiceProcess implements RunsAsChildProcess {

    public static final Duration READINESS_TIMEOUT = Duration.ofSeconds(180);

    private final ChildProcess process;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param jvmOptions what the JVM runs with ({@link JvmOptions#services()}) */
    public ServiceProcess(
            String name, Path jar, int port, Map<String, String> environment, Path log, List<String> jvmOptions) {
        var command = new ArrayList<String>();
        command.add(ChildProcess.javaOfThisJvm());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        this.process = new ChildProcess(name, command, environment, log);
        this.port = port;
    }

    public String name() {
        return process.name();
    }

    public int port() {
        return port;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return process.log();
    }

    @Override
    public ChildProcess process() {
        return process;
    }

    public void launch() {
        process.launch();
    }

    /** Waits until the readiness probe answers 200; fails with the end of the log if it never does. */
    public void awaitReady(Duration timeout) {
        process.awaitReady(this::answersReady, timeout, "port " + port);
    }

    public void requestStop() {
        process.requestStop();
    }

    public void awaitExit() {
        process.awaitExit();
    }

    public String exitDescription() {
        return process.exitDescription();
    }

    public String logTail() {
        return process.logTail();
    }

    private boolean answersReady() {
        var request = HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteFailure("interrupted while waiting for " + name());
        }
    }
}
