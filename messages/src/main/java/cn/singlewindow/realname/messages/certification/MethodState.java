package cn.singlewindow.realname.messages.certification;

public enum MethodState {
    NOT_STARTED,
    PENDING,
    PASSED,
    FAILED
}
