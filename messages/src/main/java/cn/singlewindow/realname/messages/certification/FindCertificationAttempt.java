package cn.singlewindow.realname.messages.certification;

public record FindCertificationAttempt(String attemptId) {
}
