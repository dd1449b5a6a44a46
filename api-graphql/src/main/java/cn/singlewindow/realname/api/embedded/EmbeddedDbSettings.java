package cn.singlewindow.realname.api.embedded;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The PostgreSQL the service starts itself when no database URL is configured.
 *
 * @param dataDir its data directory (default: pgdata under the data directory)
 * @param port its port (0: any free port)
 */
@Validated
@ConfigurationProperties("realname.embedded-db")
public record EmbeddedDbSettings(Path dataDir, @DefaultValue("0") @Min(0) @Max(65535) int port) {
}
