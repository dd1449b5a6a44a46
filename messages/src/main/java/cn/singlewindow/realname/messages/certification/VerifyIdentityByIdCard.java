package cn.singlewindow.realname.messages.certification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import cn.singlewindow.realname.messages.account.IdValidity;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** Step 2 or 3 by resident ID card, checked against CTID. */
public record VerifyIdentityByIdCard(@TargetAggregateIdentifier EnterpriseId enterpriseId, String attemptId, IdentitySubject subject,
                                     String name, String idNumber, IdValidity validity) {
}
