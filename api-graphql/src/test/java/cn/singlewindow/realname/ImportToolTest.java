package cn.singlewindow.realname;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.TestDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code --import FILE}, started as an operator would: a progress bar, the counts, each refused line, an exit code. */
@ExtendWith(OutputCaptureExtension.class)
class ImportToolTest {

    @Test
    void the_tool_imports_the_file_shows_its_progress_and_refusals_and_exits_by_the_outcome(CapturedOutput output)
            throws Exception {
        Path dir = TestDirectories.create("realname-import-tool-");
        Path example = Path.of("..", "docs", "examples", "legacy-import.csv");
        Path file = Files.writeString(dir.resolve("enterprises.csv"), Files.readString(example)
                + "坏数据贸易有限公司,91110105NOTAUSCC,,张三,RESIDENT_ID_CARD,11010519491231002X,LEGACY_INSPECTION,"
                + "bad_admin,Migr8-bad,,李四,RESIDENT_ID_CARD,110101199003070011,20200101,20400101\n");
        String[] arguments = {"--import", file.toString(), "--realname.data-dir=" + dir.resolve("var"),
                "--spring.lifecycle.timeout-per-shutdown-phase=5s", "--db-scheduler.shutdown-max-wait=1s"};

        assertThat(RealnameApplication.runTool(arguments)).as("a refused row").isEqualTo(2);
        assertThat(output.getOut()).containsPattern("\\[#{30}\\] 100%  4/4 rows")
                .contains("SUCCEEDED: 4 rows, 3 imported, 0 unchanged, 1 refused")
                .containsPattern("line 5  91110105NOTAUSCC  \\S+  \\S");

        assertThat(RealnameApplication.runTool(arguments)).as("the same file again").isEqualTo(2);
        assertThat(output.getOut()).contains("SUCCEEDED: 4 rows, 0 imported, 3 unchanged, 1 refused");
    }
}
