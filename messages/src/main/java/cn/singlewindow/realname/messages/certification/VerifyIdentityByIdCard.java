package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.account.IdValidity;
import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Step 2 or 3 by resident ID card, checked against CTID. */
public record VerifyIdentityByIdCard(@TargetAggregateIdentifier EnterpriseId enterpriseId, String attemptId,
                                     IdentitySubject subject,
                                     String name, String idNumber, IdValidity validity) {

    @Override
    public String toString() {
        return "VerifyIdentityByIdCard[" + attemptId + ", " + subject + ", " + Masking.documentNumber(idNumber) + "]";
    }
}
