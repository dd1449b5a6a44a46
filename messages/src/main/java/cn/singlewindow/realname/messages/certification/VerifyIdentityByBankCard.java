package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Step 2 or 3 by bank card: four elements (name, document, card, reserved phone) plus the SMS code. */
public record VerifyIdentityByBankCard(@TargetAggregateIdentifier EnterpriseId enterpriseId, String attemptId,
                                     IdentitySubject subject,
                                       String bankCardNumber, String phone, String smsCode) {

    @Override
    public String toString() {
        return "VerifyIdentityByBankCard[" + attemptId + ", " + subject + ", " + Masking.bankCard(bankCardNumber)
                + ", " + Masking.phone(phone) + "]";
    }
}
