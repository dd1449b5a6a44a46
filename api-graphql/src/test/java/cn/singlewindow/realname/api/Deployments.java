package cn.singlewindow.realname.api;

import cn.singlewindow.realname.RealnameApplication;
import cn.singlewindow.realname.cardbridge.bankukey.SelfSigned;
import cn.singlewindow.realname.cardbridge.iccard.Pem;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority;
import cn.singlewindow.realname.messages.card.Bank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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

/** What a deployment is given, made at test time: keys and certificates in PEM files, and a start with it. */
final class Deployments {

    private Deployments() {
    }

    /**
     * Writes the platform's key and certificate, each bank's certificate and the E-Port CA's certificate and CRL into
     * {@code keys} under the names docker-compose.yml mounts, all freshly made.
     */
    static void writeKeys(Path keys) {
        Instant now = Instant.now();
        SelfSigned.Identity platform = SelfSigned.create("Single Window platform", false, now);
        write(keys, "platform.key", Pem.write(platform.keys().getPrivate()));
        write(keys, "platform.pem", Pem.write(platform.certificate()));
        for (Bank bank : Bank.values()) {
            write(keys, bank.name() + ".pem", Pem.write(SelfSigned.create(bank.name(), false, now).certificate()));
        }
        SoftwareCardAuthority ca = SoftwareCardAuthority.generate("E-Port test CA", now);
        write(keys, "eport-ca.pem", Pem.write(ca.certificate()));
        write(keys, "eport-ca.crl.pem", Pem.write(ca.crl(now)));
    }

    /** Every setting a deployment must give, as environment variables, with the providers at {@code providers}. */
    static Map<String, String> settings(Path dir, String jdbcUrl, String providers) {
        Path keys = dir.resolve("keys");
        writeKeys(keys);
        Map<String, String> settings = new HashMap<>();
        settings.put("SPRING_DATASOURCE_URL", jdbcUrl);
        settings.put("SPRING_DATASOURCE_USERNAME", "postgres");
        settings.put("SERVER_PORT", "0");
        settings.put("REALNAME_DATA_DIR", dir.resolve("data").toString());
        for (String provider : List.of("REGISTRY", "CTID", "BANK_CARD", "SMS")) {
            settings.put("REALNAME_PROVIDERS_" + provider + "_BASE_URL", providers + "/" + provider);
        }
        settings.put("REALNAME_BANK_UKEY_RETURN_URL_BASE", "https://realname.example.cn");
        settings.put("REALNAME_BANK_UKEY_PLATFORM_KEY", "file:" + keys.resolve("platform.key"));
        settings.put("REALNAME_BANK_UKEY_PLATFORM_CERTIFICATE", "file:" + keys.resolve("platform.pem"));
        for (Bank bank : Bank.values()) {
            settings.put("REALNAME_BANK_UKEY_BANKS_" + bank.name() + "_CERTIFICATE",
                    "file:" + keys.resolve(bank.name() + ".pem"));
            settings.put("REALNAME_BANK_UKEY_BANKS_" + bank.name() + "_URL", "https://bank.example.cn/" + bank.name());
        }
        settings.put("REALNAME_CARD_TRUST_ANCHORS", "file:" + keys.resolve("eport-ca.pem"));
        settings.put("REALNAME_CARD_CRLS", "file:" + keys.resolve("eport-ca.crl.pem"));
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

    private static void write(Path dir, String name, String pem) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
