package cn.singlewindow.realname.api.common;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param readYourWritesTimeout how long a mutation waits for its own change to reach the read model before it
 *                              answers from the read model as it is
 */
@Validated
@ConfigurationProperties("realname.consistency")
public record ConsistencySettings(@DefaultValue("5s") @NotNull Duration readYourWritesTimeout) {
}
