package cn.singlewindow.realname.api.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Session tokens (docs/authorization.md).
 *
 * @param tokenSecret the HMAC key that signs session tokens (base64, at least 32 bytes, the same on every node);
 *                    empty: a key generated once under the data directory
 * @param tokenTtl how long a session token is valid
 * @param metricsRole the role whose session may read /actuator/prometheus on the service's port (on a management port
 *                    of its own, management.server.port, no session is asked)
 */
@Validated
@ConfigurationProperties("realname.security")
public record SecuritySettings(@DefaultValue("") String tokenSecret,
                               @DefaultValue("2h") @NotNull Duration tokenTtl,
                               @DefaultValue("OPERATIONS") @NotBlank String metricsRole) {
}
