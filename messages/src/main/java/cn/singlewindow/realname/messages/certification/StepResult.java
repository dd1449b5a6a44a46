package cn.singlewindow.realname.messages.certification;

/**
 * What a step command answers: the enterprise's version after it (to wait for the read model) and, when the
 * check failed, why. A failed check is an answer, not an exception, so that its event is kept.
 */
public record StepResult(String attemptId, long version, FailureReason failureCode) {
}
