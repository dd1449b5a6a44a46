package cn.singlewindow.realname.messages.common;

/**
 * An event that records a refusal: kept in the audit trail with who, from where and why, and changing no state.
 * Whatever reads state skips it; whatever audits shows it.
 */
public interface Refusal {

    /** The refusal's stable code, as the caller was answered. */
    String reasonCode();
}
