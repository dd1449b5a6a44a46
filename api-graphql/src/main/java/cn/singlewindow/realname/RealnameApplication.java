package cn.singlewindow.realname;

import cn.singlewindow.realname.eventstore.rebuild.ProjectionRebuild;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The whole service in one process: API, command side and query side (docs/architecture.md). With
 * {@code --rebuild-projections} it is the command-line rebuild tool instead, with {@code --import FILE} the bulk
 * legacy import (docs/migration.md): no web server, the work, exit.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RealnameApplication {

    public static void main(String[] args) {
        if (Arrays.asList(args).contains(ProjectionRebuild.COMMAND_LINE_OPTION) || Arrays.stream(args)
                .anyMatch(arg -> arg.equals(IMPORT_OPTION) || arg.startsWith(IMPORT_OPTION + "="))) {
            System.exit(runTool(args));
        }
        SpringApplication.run(RealnameApplication.class, args);
    }

    static final String IMPORT_OPTION = "--import";

    /** A command-line tool (rebuild or import): answers the process's exit code. */
    static int runTool(String... args) {
        SpringApplication application = new SpringApplication(RealnameApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return SpringApplication.exit(application.run(args));
    }
}
