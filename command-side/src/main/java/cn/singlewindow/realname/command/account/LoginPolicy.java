package cn.singlewindow.realname.command.account;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many refused logins a user name, and a client address, may have within the window before further attempts
 * are refused unchecked, and how long a user name then stays locked (manual §2.1; guessing passwords must not
 * scale).
 *
 * @param maxFailuresPerAccount refused logins of one user name within the window that lock it
 * @param maxFailuresPerAddress refused logins from one client address within the window before its logins are
 *                              refused unchecked
 * @param failureWindow the window refused logins are counted in
 * @param lockDuration how long a locked user name stays locked
 */
@Validated
@ConfigurationProperties("realname.login")
public record LoginPolicy(@DefaultValue("5") @Min(1) int maxFailuresPerAccount,
                          @DefaultValue("20") @Min(1) int maxFailuresPerAddress,
                          @DefaultValue("15m") @NotNull Duration failureWindow,
                          @DefaultValue("15m") @NotNull Duration lockDuration) {
}
