package cn.singlewindow.realname.query.notification;

/** What a downstream system can be told of (the contract's event types). */
public enum WebhookEventType {
    /** The enterprise became certified: both aspects of manual §2.5 verified. */
    ENTERPRISE_CERTIFIED,
    /** The enterprise's security level changed (the highest of its passed methods'). */
    SECURITY_LEVEL_CHANGED,
    /** A certification attempt ended: passed, failed or expired. */
    CERTIFICATION_ATTEMPT_FINISHED,
    OPERATOR_UPGRADE_REQUESTED,
    OPERATOR_UPGRADE_DECIDED,
    CORRECTION_CASE_DECIDED
}
