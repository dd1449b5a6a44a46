package cn.singlewindow.realname.api.deployment;

import cn.singlewindow.realname.RealnameApplication;
import cn.singlewindow.realname.cardbridge.bankukey.SelfSigned;
import cn.singlewindow.realname.cardbridge.iccard.Pem;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority;
import cn.singlewindow.realname.messages.card.Bank;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;

/**
 * Every setting a deployment must give (docs/operations.md, "Deployment settings"), made up for a run that calls no
 * provider: keys and certificates made on the spot under the names docker-compose.yml mounts, providers at an
 * address given by the caller.
 * <p>
 * Its {@link #main} is the image's class-data training run (deploy/cds-layout.sh): the service started as the image
 * runs it, profile {@code postgres}, on a PostgreSQL of the run's own, started and closed again, so that
 * the archive holds the classes a deployment loads rather than a sandbox's. Nothing of the run is kept.
 */
public final class StandInDeployment {

    private StandInDeployment() {
    }

    /** Keys and certificates under {@code keys}, with the file names docker-compose.yml mounts. */
    public static void writeKeys(Path keys) {
        Instant now = Instant.now();
        SelfSigned.Identity platform = SelfSigned.create("Single Window platform", false, now);
        write(keys, "platform.key", Pem.write(platform.keys().getPrivate()));
        write(keys, "platform.pem", Pem.write(platform.certificate()));
        for (Bank bank : Bank.values()) {
            write(keys, bank.name() + ".pem", Pem.write(SelfSigned.create(bank.name(), false, now).certificate()));
        }
        SoftwareCardAuthority ca = SoftwareCardAuthority.generate("E-Port stand-in CA", now);
        write(keys, "eport-ca.pem", Pem.write(ca.certificate()));
        write(keys, "eport-ca.crl.pem", Pem.write(ca.crl(now)));
    }

    /**
     * The settings by property name: the database at {@code jdbcUrl} (user postgres), the data directory and keys
     * under {@code dir}, each provider at {@code providers}/REGISTRY, /CTID, /BANK_CARD, /SMS.
     */
    public static Map<String, String> settings(Path dir, String jdbcUrl, String providers) {
        Path keys = dir.resolve("keys");
        writeKeys(keys);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.profiles.active", "postgres");
        settings.put("spring.datasource.url", jdbcUrl);
        settings.put("spring.datasource.username", "postgres");
        settings.put("realname.data-dir", dir.resolve("data").toString());
        for (String provider : List.of("registry", "ctid", "bank-card", "sms")) {
            settings.put("realname.providers." + provider + ".base-url",
                    providers + "/" + provider.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        settings.put("realname.bank-ukey.return-url-base", "https://realname.example.cn");
        settings.put("realname.bank-ukey.platform-key", "file:" + keys.resolve("platform.key"));
        settings.put("realname.bank-ukey.platform-certificate", "file:" + keys.resolve("platform.pem"));
        for (Bank bank : Bank.values()) {
            String prefix = "realname.bank-ukey.banks." + bank.name().toLowerCase(Locale.ROOT);
            settings.put(prefix + ".certificate", "file:" + keys.resolve(bank.name() + ".pem"));
            settings.put(prefix + ".url", "https://bank.example.cn/" + bank.name());
        }
        settings.put("realname.card.trust-anchors", "file:" + keys.resolve("eport-ca.pem"));
        settings.put("realname.card.crls", "file:" + keys.resolve("eport-ca.crl.pem"));
        return settings;
    }

    /** The same settings as environment variables: upper case, {@code _} for {@code .} and {@code -}. */
    public static Map<String, String> asEnvironment(Map<String, String> settings) {
        Map<String, String> variables = new LinkedHashMap<>();
        settings.forEach((name, value) ->
                variables.put(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        return variables;
    }

    /**
     * The training run: the service started as a deployment and closed again (not {@code spring.context.exit}, which
     * halts the JVM before anything could be removed), then its PostgreSQL stopped and everything it made removed.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("realname-training-");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata"))
                .setRegisterShutdownHook(false).start()) {
            // System properties outrank the environment: the run is a deployment whatever the machine says.
            settings(dir, postgres.getJdbcUrl("postgres", "postgres"), "http://127.0.0.1:9")
                    .forEach(System::setProperty);
            System.setProperty("server.port", "0");
            SpringApplication.run(RealnameApplication.class, args).close();
        } finally {
            try (Stream<Path> made = Files.walk(dir)) {
                made.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        // Threads a library may leave behind do not keep the JVM (and the archive's writing) waiting.
        System.exit(0);
    }

    private static void write(Path dir, String name, String pem) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
