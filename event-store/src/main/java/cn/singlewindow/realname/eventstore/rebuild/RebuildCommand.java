package cn.singlewindow.realname.eventstore.rebuild;

import java.io.PrintStream;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar realname.jar --rebuild-projections}: rebuilds the projections with a progress bar on the
 * terminal, prints the row-for-row check and exits 0 when the rebuild succeeded, 1 otherwise.
 */
@Component
class RebuildCommand implements ApplicationRunner, ExitCodeGenerator {

    private final ProjectionRebuild rebuild;
    private final PrintStream out = System.out;
    private int exitCode;

    RebuildCommand(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(ProjectionRebuild.COMMAND_LINE_OPTION.substring(2))) {
            return;
        }
        ProjectionRebuild.Status result = rebuild.run(this::draw);
        result.checks().forEach(check -> out.printf(Locale.ROOT, "%-32s live %,d rows, rebuilt %,d rows: %s%n",
                check.table(), check.liveRows(), check.rebuiltRows(), check.equal() ? "equal"
                        : "DIFFERENT (" + check.onlyLive() + " only live, " + check.onlyRebuilt() + " only rebuilt)"));
        out.println(result.state() == ProjectionRebuild.State.SUCCEEDED ? "Rebuild committed."
                : "Rebuild failed, nothing changed: " + result.failure());
        exitCode = result.state() == ProjectionRebuild.State.SUCCEEDED ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private void draw(ProjectionRebuild.Status status) {
        out.print("\r" + bar(status));
        if (status.state() != ProjectionRebuild.State.RUNNING) {
            out.println();
        }
        out.flush();
    }

    /** {@code [##########..........]  50%  5,000/10,000 events  21,300 events/s  0:00 left}. */
    static String bar(ProjectionRebuild.Status status) {
        return new ProgressLine(status.eventsDone(), status.eventsTotal(), status.eventsPerSecond(),
                status.secondsLeft(), "events").text();
    }
}
