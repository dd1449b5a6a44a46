package cn.singlewindow.realname.command.enterprise;

import java.time.Duration;
import java.time.Instant;

/**
 * An attempt left idle for {@code realname.certification.attempt-idle-timeout} (30 minutes) expires, whichever method:
 * by its deadline, or when a step or a new start finds it so.
 */
final class IdleAttemptExpiry {

    private IdleAttemptExpiry() {
    }

    static boolean idle(Instant lastActivity, Instant now, Duration idleTimeout) {
        return !now.isBefore(lastActivity.plus(idleTimeout));
    }
}
