package cn.singlewindow.realname.api.embedded;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * With no {@code spring.datasource.url} the service runs on its own embedded PostgreSQL, and such a run is a
 * sandbox: simulated providers, sandbox operations. With the URL set nothing is added. Runs before the
 * configuration files are read, so that {@code application-sandbox.yml} applies; the URL therefore comes from
 * the environment, system properties or the command line.
 */
public class EmbeddedDefaults implements EnvironmentPostProcessor, Ordered {

    static final String DATASOURCE_URL = "spring.datasource.url";
    static final String SANDBOX = "sandbox";
    static final String POSTGRES = "postgres";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (usesEmbeddedDatabase(environment)) {
            environment.addActiveProfile(SANDBOX);
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }

    static boolean usesEmbeddedDatabase(ConfigurableEnvironment environment) {
        // The postgres profile says "external database" even where the URL is only known later (a config file):
        // such a run must never become a sandbox by accident.
        String requested = environment.getProperty("spring.profiles.active", "");
        if (Arrays.asList(environment.getActiveProfiles()).contains(POSTGRES)
                || Arrays.stream(requested.split(",")).map(String::strip).anyMatch(POSTGRES::equals)) {
            return false;
        }
        String url = environment.getProperty(DATASOURCE_URL);
        return url == null || url.isBlank();
    }
}
