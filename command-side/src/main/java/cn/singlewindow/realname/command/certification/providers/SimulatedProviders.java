package cn.singlewindow.realname.command.certification.providers;

import cn.singlewindow.realname.messages.account.DocumentType;
import java.time.Instant;
import java.util.List;

/** What the sandbox's operations seed into its simulated CTID and bank-card check, and read from its SMS outbox. */
public interface SimulatedProviders {

    record SandboxSms(String phone, String text, Instant sentAt) {
    }

    void registerPerson(String name, DocumentType documentType, String documentNumber, String validFrom,
                        String validTo, boolean inCtid);

    void registerBankCard(String cardNumber, String name, DocumentType documentType, String documentNumber,
                          String phone);

    /** The texts sent to the phone, newest first. */
    List<SandboxSms> outbox(String phone);
}
