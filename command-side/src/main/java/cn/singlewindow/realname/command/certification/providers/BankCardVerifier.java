package cn.singlewindow.realname.command.certification.providers;

import cn.singlewindow.realname.messages.account.DocumentType;

/** Port to the bank-card four-element check: name, document, card number and the phone the bank holds. */
public interface BankCardVerifier {

    /** @throws ProviderUnavailableException when the check cannot be made now */
    boolean verify(String name, DocumentType documentType, String documentNumber, String cardNumber, String phone);
}
