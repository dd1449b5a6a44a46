package cn.singlewindow.realname.messages.certification;

/** Ordered lowest first, so the enterprise level is the maximum of the levels of the methods passed. */
public enum SecurityLevel {
    NONE,
    LOW,
    MEDIUM,
    HIGH
}
