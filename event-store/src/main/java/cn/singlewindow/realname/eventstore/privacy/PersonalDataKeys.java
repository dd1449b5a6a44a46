package cn.singlewindow.realname.eventstore.privacy;

import cn.singlewindow.realname.messages.account.DocumentType;

/** The per-person keys that seal personal data in stored events, as an erasure destroys them. */
public interface PersonalDataKeys {

    /** How many keys of the person ({@code personRef}, a keyed hash of the document) were destroyed. */
    record Erasure(String personRef, int keysErased) {
    }

    /** Destroys every key of the person, in the caller's transaction. Idempotent: a second call erases nothing. */
    Erasure erase(DocumentType type, String documentNumber, String erasedBy, String reason);
}
