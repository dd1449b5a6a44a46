package cn.singlewindow.realname.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * Temporary directories of the test JVM, removed when it exits. A service's data directory holds a PostgreSQL
 * cluster of 40-70 MB; left behind, each run of the suite would add a few hundred MB to /tmp.
 */
public final class TestDirectories {

    private static final Duration SERVER_STOP_WAIT = Duration.ofSeconds(60);
    private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDirectories::removeAll, "remove-test-directories"));
    }

    private TestDirectories() {
    }

    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            CREATED.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Spring closes the cached contexts, which stops their PostgreSQL, in a shutdown hook that runs beside this
     * one; a directory is removed only once no server runs on it any more.
     */
    private static void removeAll() {
        long deadline = System.nanoTime() + SERVER_STOP_WAIT.toNanos();
        for (Path dir : CREATED) {
            while (holdsRunningServer(dir) && System.nanoTime() < deadline) {
                sleep();
            }
            if (holdsRunningServer(dir)) {
                System.err.println("Left " + dir + ": a PostgreSQL server still runs on it");
                continue;
            }
            remove(dir);
        }
    }

    /** Another hook may be removing files in it at the same time (an embedded server cleaning its own data). */
    private static void remove(Path dir) {
        for (int attempt = 1; ; attempt++) {
            try {
                FileSystemUtils.deleteRecursively(dir);
                return;
            } catch (IOException e) {
                if (attempt == 10) {
                    System.err.println("Could not remove " + dir + ": " + e);
                    return;
                }
                sleep();
            }
        }
    }

    /** PostgreSQL removes its postmaster.pid as the last step of shutting down. */
    private static boolean holdsRunningServer(Path dir) {
        try (Stream<Path> files = Files.find(dir, 3, (path, attributes) ->
                path.getFileName().toString().equals("postmaster.pid"))) {
            return files.findAny().isPresent();
        } catch (IOException | UncheckedIOException gone) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
