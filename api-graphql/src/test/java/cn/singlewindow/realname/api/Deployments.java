package cn.singlewindow.realname.api;

import cn.singlewindow.realname.RealnameApplication;
import cn.singlewindow.realname.api.deployment.StandInDeployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/** A deployment's settings made at test time ({@link StandInDeployment}), and a start with them. */
final class Deployments {

    private Deployments() {
    }

    /** Every setting a deployment must give, as environment variables, with the providers at {@code providers}. */
    static Map<String, String> settings(Path dir, String jdbcUrl, String providers) {
        Map<String, String> settings = new HashMap<>(StandInDeployment.asEnvironment(
                StandInDeployment.settings(dir, jdbcUrl, providers)));
        settings.remove("SPRING_PROFILES_ACTIVE");
        // Ports of their own: tests run beside each other.
        settings.put("SERVER_PORT", "0");
        settings.put("MANAGEMENT_SERVER_PORT", "0");
        return settings;
    }

    /** The service started in this JVM with {@code variables} as its only environment variables. */
    static ConfigurableApplicationContext start(Map<String, String> variables, String[] arguments,
                                                Class<?>... extraSources) {
        List<Class<?>> sources = new ArrayList<>(List.of(RealnameApplication.class));
        sources.addAll(List.of(extraSources));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .environment(new OnlyTheseVariables(variables)).run(arguments);
    }

    /** A servlet environment whose operating-system variables are the given ones only. */
    private static final class OnlyTheseVariables extends StandardServletEnvironment {

        OnlyTheseVariables(Map<String, String> variables) {
            MutablePropertySources sources = getPropertySources();
            sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new HashMap<>(variables)));
        }
    }
}
