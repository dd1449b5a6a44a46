package cn.singlewindow.realname.messages.certification;

public enum AttemptStatus {
    IN_PROGRESS,
    PASSED,
    FAILED,
    EXPIRED
}
