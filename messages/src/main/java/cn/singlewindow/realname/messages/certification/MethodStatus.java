package cn.singlewindow.realname.messages.certification;

import java.time.Instant;

public record MethodStatus(CertificationMethod method, MethodState status, SecurityLevel securityLevel,
                           Instant passedAt, Instant lastAttemptAt, String currentStep) {

    public static MethodStatus notStarted(CertificationMethod method) {
        return new MethodStatus(method, MethodState.NOT_STARTED, SecurityLevel.NONE, null, null, null);
    }
}
