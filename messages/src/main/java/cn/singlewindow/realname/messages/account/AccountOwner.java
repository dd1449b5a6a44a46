package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.common.PersonName;
import java.time.LocalDate;

/**
 * The person who owns an account (manual §2.4). Validity dates are YYYYMMDD as the manual writes them;
 * {@code 00000000} means long-term. They are required for documents that carry them (ID cards, residence
 * permits) and checked when given for the others.
 */
public record AccountOwner(String name, DocumentType documentType, String documentNumber,
                           String idValidFrom, String idValidTo) {

    public static AccountOwner of(String name, DocumentType type, String number, String validFrom, String validTo,
                                  LocalDate today) {
        String checkedName = PersonName.of(name, "ownerName");
        IdentityDocument document = IdentityDocument.of(type, number, today);
        boolean datesGiven = notBlank(validFrom) || notBlank(validTo);
        IdValidity validity = carriesValidity(type) || datesGiven ? IdValidity.of(validFrom, validTo, today) : null;
        return new AccountOwner(checkedName, document.type(), document.number(),
                validity == null ? null : validity.from(), validity == null ? null : validity.to());
    }

    public static boolean carriesValidity(DocumentType type) {
        return type == DocumentType.RESIDENT_ID_CARD || type == DocumentType.HMT_RESIDENCE_PERMIT;
    }

    public IdentityDocument document() {
        return new IdentityDocument(documentType, documentNumber);
    }

    /** Same person and document; validity dates may differ (a renewed card). */
    public boolean sameIdentityAs(AccountOwner other) {
        return other != null && name.equals(other.name) && documentType == other.documentType
                && documentNumber.equals(other.documentNumber);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "AccountOwner[" + documentType + ":" + document().masked() + "]";
    }
}
