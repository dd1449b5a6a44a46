package cn.singlewindow.realname.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.TestDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The image's class-data training run, in a JVM of its own as deploy/cds-layout.sh starts it: a deployment's start
 * (profile postgres, no sandbox) to the end of the refresh, and nothing of the run left behind. (The archive itself
 * needs the packaged jar: the JVM writes none from a class path with directories, as the tests' is.)
 */
class StandInDeploymentTest {

    @Test
    void the_training_run_starts_a_deployment_and_leaves_nothing() throws Exception {
        Path dir = TestDirectories.create("realname-training-test-");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path log = dir.resolve("training.log");
        Process training = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), StandInDeployment.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(training.waitFor(3, TimeUnit.MINUTES)).as("the run ends by itself").isTrue();

        String output = Files.readString(log);
        assertThat(training.exitValue()).as(output).isZero();
        assertThat(output).contains("The following 1 profile is active: \"postgres\"")
                .doesNotContain("SANDBOX").doesNotContain("APPLICATION FAILED TO START");
        try (var left = Files.list(tmp)) {
            assertThat(left.filter(path -> path.getFileName().toString().startsWith("realname-training-")))
                    .as("the run's database, keys and data directory").isEmpty();
        }
    }
}
