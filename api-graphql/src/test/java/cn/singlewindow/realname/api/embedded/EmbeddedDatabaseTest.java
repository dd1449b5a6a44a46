package cn.singlewindow.realname.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.api.TestDirectories;
import cn.singlewindow.realname.api.deployment.UnusableSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The PostgreSQL the jar carries, and a data directory another major version made. */
class EmbeddedDatabaseTest {

    @Test
    void the_jar_runs_the_major_version_it_declares_and_docker_compose_names() throws Exception {
        Path dir = TestDirectories.create("realname-pg-version-");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir).start()) {
            int version = new JdbcTemplate(postgres.getPostgresDatabase())
                    .queryForObject("SHOW server_version_num", Integer.class);
            assertThat(version / 10_000).isEqualTo(EmbeddedDatabase.POSTGRES_MAJOR);
        }
        EmbeddedDatabase.requireOwnMajorVersion(dir);
        assertThat(Files.readString(Path.of("..", "docker-compose.yml")))
                .contains("image: postgres:" + EmbeddedDatabase.POSTGRES_MAJOR + "\n");
    }

    @Test
    void a_data_directory_of_another_major_version_is_named_not_opened() throws Exception {
        Path dir = TestDirectories.create("realname-pg-old-");
        Files.writeString(dir.resolve("PG_VERSION"), "14\n");
        assertThatThrownBy(() -> EmbeddedDatabase.requireOwnMajorVersion(dir))
                .isInstanceOf(UnusableSettings.class)
                .hasMessageContaining("realname.embedded-db.data-dir")
                .hasMessageContaining("made by PostgreSQL 14 and this build runs PostgreSQL 16");
    }
}
