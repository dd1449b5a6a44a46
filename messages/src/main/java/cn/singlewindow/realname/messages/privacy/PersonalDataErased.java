package cn.singlewindow.realname.messages.privacy;

import cn.singlewindow.realname.messages.account.DocumentType;

/**
 * On a lawful erasure request the person's keys were destroyed: their names and document numbers in stored
 * events can no longer be read. Read models drop what they kept of that person. {@code personRef} is a keyed hash
 * of the document, never the document itself.
 */
public record PersonalDataErased(String personRef, DocumentType documentType, int keysErased, String reason) {
}
