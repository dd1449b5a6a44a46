package cn.singlewindow.realname.eventstore.storage;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param dataDir the service's own files: the embedded database (sandbox), the secrets generated because none were
 *                configured, the sandbox's CA and bank keys, the files of bulk imports while they run; each secret
 *                readable by its owner only
 */
@Validated
@ConfigurationProperties("realname")
public record DataDirectory(@DefaultValue("./var") @NotNull Path dataDir) {
}
