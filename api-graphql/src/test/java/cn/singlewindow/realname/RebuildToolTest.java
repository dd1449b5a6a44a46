package cn.singlewindow.realname;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.TestDirectories;
import cn.singlewindow.realname.eventstore.rebuild.ProjectionRebuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The command-line tool, started as an operator would: the jar's main class with the option. */
@ExtendWith(OutputCaptureExtension.class)
class RebuildToolTest {

    @Test
    void the_tool_rebuilds_with_a_progress_bar_prints_the_check_and_exits_zero(CapturedOutput output)
            throws Exception {
        String dataDir = TestDirectories.create("realname-rebuild-tool-").toString();

        int exitCode = RealnameApplication.runTool(ProjectionRebuild.COMMAND_LINE_OPTION,
                "--realname.data-dir=" + dataDir, "--spring.lifecycle.timeout-per-shutdown-phase=5s",
                "--db-scheduler.shutdown-max-wait=1s");

        assertThat(exitCode).isZero();
        assertThat(output.getOut()).containsPattern("\\[#{30}\\] 100%  [\\d,]+/[\\d,]+ events")
                .contains("enterprise_view", "certification_daily_stats", "Rebuild committed.")
                .doesNotContain("DIFFERENT");
    }
}
