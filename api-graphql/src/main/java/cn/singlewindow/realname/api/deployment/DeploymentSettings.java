package cn.singlewindow.realname.api.deployment;

import cn.singlewindow.realname.messages.card.Bank;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Checks the settings before any bean is made (so before a database is started or a port opened): a sandbox only
 * on its own embedded database, and outside the sandbox every setting the real providers, banks and cards need,
 * present and usable. Everything wrong is reported at once, each by its property name ({@link UnusableSettings}).
 * Runs once every property source is in place, configuration files and test properties included.
 */
@Component
class DeploymentSettings implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String SANDBOX = "sandbox";
    static final String POSTGRES = "postgres";
    static final String DATASOURCE_URL = "spring.datasource.url";
    /** Sandbox providers on a database of one's own: for load tests of several nodes, never for production. */
    static final String SANDBOX_ON_EXTERNAL_DATABASE = "realname.sandbox.on-external-database";

    private static final List<String> PROVIDER_URLS = List.of("realname.providers.registry.base-url",
            "realname.providers.ctid.base-url", "realname.providers.bank-card.base-url",
            "realname.providers.sms.base-url");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<UnusableSettings.Problem> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new UnusableSettings(problems);
        }
    }

    static List<UnusableSettings.Problem> problems(Environment environment) {
        Check check = new Check(environment, new DefaultResourceLoader());
        boolean externalDatabase = !check.blank(DATASOURCE_URL) || environment.acceptsProfiles(Profiles.of(POSTGRES));
        if (environment.acceptsProfiles(Profiles.of(SANDBOX))) {
            if (externalDatabase && !environment.getProperty(SANDBOX_ON_EXTERNAL_DATABASE, Boolean.class, false)) {
                check.problems.add(new UnusableSettings.Problem("spring.profiles.active", "profile sandbox (simulated"
                        + " providers, sandbox operations and account) runs only on the embedded database, and this"
                        + " run has " + (check.blank(DATASOURCE_URL) ? "profile postgres" : DATASOURCE_URL)
                        + ": remove the sandbox profile (for a load test of several nodes on one database, set "
                        + SANDBOX_ON_EXTERNAL_DATABASE + "=true)"));
            }
            return check.problems;
        }
        check.present(DATASOURCE_URL, "the PostgreSQL to use (profile postgres)");
        PROVIDER_URLS.forEach(property -> check.httpUrl(property, "the provider's address"));
        check.httpUrl("realname.bank-ukey.return-url-base", "this service's public address, where the banks send"
                + " the browser back");
        check.resource("realname.bank-ukey.platform-key", "our private key for the banks (PEM)");
        check.resource("realname.bank-ukey.platform-certificate", "our certificate for the banks (PEM)");
        for (Bank bank : Bank.values()) {
            String prefix = "realname.bank-ukey.banks." + bank.name().toLowerCase(Locale.ROOT);
            check.resource(prefix + ".certificate", "the bank's signing certificate (PEM)");
            check.httpUrl(prefix + ".url", "the bank's UKey page");
        }
        check.resources("realname.card.trust-anchors", "the E-Port root certificates (PEM)");
        if (environment.getProperty("realname.card.crl-required", Boolean.class, true)) {
            check.resources("realname.card.crls", "each CA's CRL (or realname.card.crl-required=false)");
        }
        return check.problems;
    }

    /** Collects what is missing or unusable, each under its property name. */
    private static final class Check {

        private final Environment environment;
        private final ResourceLoader resources;
        private final List<UnusableSettings.Problem> problems = new ArrayList<>();

        Check(Environment environment, ResourceLoader resources) {
            this.environment = environment;
            this.resources = resources;
        }

        boolean blank(String property) {
            String value = environment.getProperty(property);
            return value == null || value.isBlank();
        }

        boolean present(String property, String what) {
            if (blank(property)) {
                problems.add(new UnusableSettings.Problem(property, "missing: " + what));
                return false;
            }
            return true;
        }

        void httpUrl(String property, String what) {
            if (!present(property, what)) {
                return;
            }
            String value = environment.getProperty(property).strip();
            try {
                URI uri = new URI(value);
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    problems.add(new UnusableSettings.Problem(property, "not an absolute http(s) address: " + value));
                }
            } catch (java.net.URISyntaxException e) {
                problems.add(new UnusableSettings.Problem(property, "not an address: " + value));
            }
        }

        void resource(String property, String what) {
            if (present(property, what)) {
                exists(property, environment.getProperty(property).strip());
            }
        }

        void resources(String property, String what) {
            if (present(property, what)) {
                Arrays.stream(environment.getProperty(property).split(",")).map(String::strip)
                        .filter(location -> !location.isEmpty()).forEach(location -> exists(property, location));
            }
        }

        private void exists(String property, String location) {
            if (!resources.getResource(location).isReadable()) {
                problems.add(new UnusableSettings.Problem(property, "cannot be read: " + location));
            }
        }
    }
}
