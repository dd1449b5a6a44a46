package cn.singlewindow.realname.messages.account;

/** Identity documents the Single Window accepts for a person. */
public enum DocumentType {
    RESIDENT_ID_CARD,
    PRC_PASSPORT,
    HK_MACAO_PERMIT,
    TAIWAN_PERMIT,
    HMT_RESIDENCE_PERMIT,
    FOREIGN_PERMANENT_RESIDENT_ID
}
