package cn.singlewindow.realname.messages.card;

import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.common.Masking;

/**
 * What the card bridge established from a card's certificate and its signature over a challenge: whose card it is
 * (whenever the certificate is the CA's, refused or not), and why it is not to be trusted when {@code failureCode} is
 * set. Serial and issuer are kept for the audit trail even when the check failed.
 */
public record CardCheck(String certificateSerial, String issuer, CardType cardType, String enterpriseName,
                        String orgCode, String holderIdNumber, FailureReason failureCode) {

    public static CardCheck failed(String serial, String issuer, FailureReason failureCode) {
        return new CardCheck(serial, issuer, null, null, null, null, failureCode);
    }

    public boolean passed() {
        return failureCode == null;
    }

    @Override
    public String toString() {
        return "CardCheck[" + certificateSerial + ", " + issuer + ", " + orgCode + ", "
                + Masking.documentNumber(holderIdNumber) + ", " + failureCode + "]";
    }
}
