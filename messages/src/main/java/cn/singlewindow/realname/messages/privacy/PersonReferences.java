package cn.singlewindow.realname.messages.privacy;

import cn.singlewindow.realname.messages.account.DocumentType;

/**
 * Names a person without revealing their document: a keyed hash of the document type and number. Read models keep
 * it beside what they show of a person so that an erasure ({@link PersonalDataErased}) finds their rows.
 */
public interface PersonReferences {

    /** Null when the number is (erasure made it unreadable). */
    String of(DocumentType type, String documentNumber);
}
