package cn.singlewindow.realname;

import cn.singlewindow.realname.eventstore.rebuild.ProjectionRebuild;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The whole service in one process: API, command side and query side (docs/architecture.md). With
 * {@code --rebuild-projections} it is the command-line rebuild tool instead: no web server, rebuild, exit.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RealnameApplication {

    public static void main(String[] args) {
        if (Arrays.asList(args).contains(ProjectionRebuild.COMMAND_LINE_OPTION)) {
            System.exit(rebuildProjections(args));
        }
        SpringApplication.run(RealnameApplication.class, args);
    }

    /** The command-line rebuild: answers the process's exit code. */
    static int rebuildProjections(String... args) {
        SpringApplication application = new SpringApplication(RealnameApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return SpringApplication.exit(application.run(args));
    }
}
