package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.common.Refusal;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/**
 * A certification step was refused before any check was made (out of order, a route the document does not allow, an
 * attempt that is over or unknown, a method already passed): the attempt is as it was.
 */
public record CertificationStepRefused(EnterpriseId enterpriseId, String attemptId, CertificationMethod method,
                                       String command, String reasonCode) implements EnterpriseEvent, Refusal {
}
