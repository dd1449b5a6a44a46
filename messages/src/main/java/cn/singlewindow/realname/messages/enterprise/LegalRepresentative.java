package cn.singlewindow.realname.messages.enterprise;

import cn.singlewindow.realname.messages.account.DocumentType;

/** The enterprise's legal representative as filed with the market regulator. */
public record LegalRepresentative(String name, DocumentType documentType, String documentNumber) {
}
