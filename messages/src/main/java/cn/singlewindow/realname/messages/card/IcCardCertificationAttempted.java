package cn.singlewindow.realname.messages.card;

import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** Every IC card attempt, passed or not, with the certificate that was presented. */
public record IcCardCertificationAttempted(EnterpriseId enterpriseId, String attemptId, String certificateSerial,
                                           String issuer, CardType cardType, FailureReason failureCode)
        implements EnterpriseEvent {
}
