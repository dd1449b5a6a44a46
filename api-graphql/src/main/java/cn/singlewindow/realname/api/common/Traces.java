package cn.singlewindow.realname.api.common;

import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the service's own spans go: the observation registry when traces are on ({@code management.tracing.enabled},
 * off in application.yml), none otherwise, so that a command or an operation costs nothing extra when nobody collects
 * traces (docs/operations.md, "Traces").
 */
@Component
public class Traces {

    private final ObservationRegistry registry;

    Traces(ObservationRegistry registry, Environment environment) {
        // Spring Boot keeps a tracer either way; the property decides whether spans are exported and propagated.
        boolean on = environment.getProperty("management.tracing.enabled", Boolean.class, true);
        this.registry = on ? registry : ObservationRegistry.NOOP;
    }

    /**
     * Spring Boot's sampler, but none sampled while traces are off: Boot would still record a tenth of the requests'
     * spans (its default probability) only to drop them.
     */
    @Bean
    static Sampler otelSampler(Environment environment) {
        if (!environment.getProperty("management.tracing.enabled", Boolean.class, true)) {
            return Sampler.alwaysOff();
        }
        double probability = environment.getProperty("management.tracing.sampling.probability", Double.class, 0.1);
        return Sampler.parentBased(Sampler.traceIdRatioBased(probability));
    }

    public ObservationRegistry registry() {
        return registry;
    }

    public boolean on() {
        return registry != ObservationRegistry.NOOP;
    }

    /**
     * A span's name as tracing shows it: Micrometer writes names in lower case with hyphens, so
     * {@code ("command", "ChangeEnterpriseInfo")} is {@code command change-enterprise-info}.
     */
    public static String spanName(String kind, String name) {
        return kind + " " + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
