package cn.singlewindow.realname.messages.privacy;

import cn.singlewindow.realname.messages.account.DocumentType;

/**
 * A lawful request to erase a person's data (PIPL art. 47): their keys are destroyed, so their names and document
 * numbers in stored events can never be read again. {@code reason} is the legal basis, kept on record. Answers a
 * {@link PersonalDataErasure}.
 */
public record ErasePersonalData(DocumentType documentType, String documentNumber, String reason) {

    @Override
    public String toString() {
        // Commands are logged on failure; the document never is.
        return "ErasePersonalData[" + documentType + "]";
    }
}
