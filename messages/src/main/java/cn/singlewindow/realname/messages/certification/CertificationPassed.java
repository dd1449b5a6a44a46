package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** A certification method passed for the enterprise; its identity fields are locked from then on (§2.3). */
public record CertificationPassed(EnterpriseId enterpriseId, String attemptId, CertificationMethod method,
                                  SecurityLevel securityLevel) implements EnterpriseEvent {
}
