package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** Left idle too long. */
public record CertificationAttemptExpired(EnterpriseId enterpriseId, String attemptId, CertificationMethod method)
        implements EnterpriseEvent {
}
