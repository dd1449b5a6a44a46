package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.singlewindow.realname.RealnameApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service in a JVM of its own (the tests' class path), for tests that read its console or kill it. */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("GraphQL at http://localhost:(\\d+)/graphql");

    private final Process process;
    private final Path console;
    private final int port;

    private ServiceProcess(Process process, Path console, int port) {
        this.process = process;
        this.console = console;
        this.port = port;
    }

    /** Starts the service with {@code arguments} and waits until it is ready, its console written to {@code console}. */
    static ServiceProcess start(Path console, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                RealnameApplication.class.getName()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile())
                .start();
        int port = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> readyPort(console, process), found -> found > 0);
        return new ServiceProcess(process, console, port);
    }

    private static int readyPort(Path console, Process process) throws IOException {
        assertThat(process.isAlive()).as("the service is running: %s", console).isTrue();
        Matcher ready = READY.matcher(Files.readString(console));
        return ready.find() ? Integer.parseInt(ready.group(1)) : 0;
    }

    int port() {
        return port;
    }

    Path console() {
        return console;
    }

    /** SIGKILL: the JVM ends where it stands, with nothing run on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops it as an operator would (SIGTERM), killing it if it has not ended within a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
