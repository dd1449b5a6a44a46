package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.command.certification.CertificationPolicy;

/**
 * Guessing must not pay: an attempt whose checks said no {@code realname.certification.max-failed-checks-per-attempt}
 * times (5) is over; a check a provider could not make does not count.
 */
final class FailedChecksLimit {

    private FailedChecksLimit() {
    }

    static boolean reached(int failedChecks, CertificationPolicy policy) {
        return failedChecks >= policy.maxFailedChecksPerAttempt();
    }
}
