package cn.singlewindow.realname.command.account;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many refused logins a user name, and a client address, may have within the window before further attempts
 * are refused unchecked, and how long a user name then stays locked (manual §2.1; guessing passwords must not
 * scale).
 */
@Component
public record LoginPolicy(int maxFailuresPerAccount, int maxFailuresPerAddress, Duration window,
                          Duration lockDuration) {

    public LoginPolicy(@Value("${realname.login.max-failures-per-account:5}") int maxFailuresPerAccount,
                       @Value("${realname.login.max-failures-per-address:20}") int maxFailuresPerAddress,
                       @Value("${realname.login.failure-window:15m}") Duration window,
                       @Value("${realname.login.lock-duration:15m}") Duration lockDuration) {
        this.maxFailuresPerAccount = maxFailuresPerAccount;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.lockDuration = lockDuration;
    }
}
