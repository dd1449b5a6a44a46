package cn.singlewindow.realname.messages.enterprise;

import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.IdentityDocument;
import cn.singlewindow.realname.messages.common.PersonName;
import cn.singlewindow.realname.messages.common.RejectedException;
import java.time.LocalDate;

/** The enterprise's legal representative as filed with the market regulator. */
public record LegalRepresentative(String name, DocumentType documentType, String documentNumber) {

    public static LegalRepresentative of(String name, DocumentType type, String number, LocalDate today) {
        String checkedName = PersonName.of(name, "legalRepName");
        IdentityDocument document;
        try {
            document = IdentityDocument.of(type, number, today);
        } catch (RejectedException rejected) {
            throw new RejectedException(
                    rejected.rejection().onField("legalRepDocumentNumber"));
        }
        return new LegalRepresentative(checkedName, document.type(), document.number());
    }

    @Override
    public String toString() {
        return "LegalRepresentative[" + documentType + ":" + new IdentityDocument(documentType, documentNumber).masked()
                + "]";
    }
}
