package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** Too many failed checks: the attempt is over; a new one may be started. */
public record CertificationAttemptFailed(EnterpriseId enterpriseId, String attemptId, CertificationMethod method,
                                         FailureReason reasonCode) implements EnterpriseEvent {
}
