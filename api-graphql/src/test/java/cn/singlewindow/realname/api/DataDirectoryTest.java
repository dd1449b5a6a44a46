package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The data directory holds the service's secrets when none are configured: the token secret, the privacy master key,
 * the audit signing key, and the sandbox's CA and bank keys. Each is readable and writable by its owner only.
 */
class DataDirectoryTest extends RunningService {

    @Value("${realname.data-dir}")
    Path dataDir;

    @Test
    void every_secret_and_private_key_in_the_data_directory_is_its_owners_alone() throws Exception {
        api().anonymous().document("query { captcha { id } }").execute().path("captcha.id").hasValue();
        List<Path> secrets;
        try (Stream<Path> files = Files.walk(dataDir, 2)) {
            secrets = files.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(".key.pem") || name.equals("audit-signing-key.pem") || name.equals("token-secret")
                        || name.equals("privacy-master-key");
            }).toList();
        }
        assertThat(secrets).extracting(file -> file.getFileName().toString())
                .contains("token-secret", "privacy-master-key", "audit-signing-key.pem", "ca.key.pem",
                        "platform.key.pem", "ccb.key.pem");
        assertThat(secrets).allSatisfy(file -> assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------"));
    }
}
