package cn.singlewindow.realname.messages.certification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** Step 2 or 3 by bank card: four elements (name, document, card, reserved phone) plus the SMS code. */
public record VerifyIdentityByBankCard(@TargetAggregateIdentifier EnterpriseId enterpriseId, String attemptId, IdentitySubject subject,
                                       String bankCardNumber, String phone, String smsCode) {
}
