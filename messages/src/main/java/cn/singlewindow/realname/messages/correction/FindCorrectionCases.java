package cn.singlewindow.realname.messages.correction;

/**
 * Cases in a status, oldest first (by when they were submitted, then opened): staff's queue. {@code after} is the
 * cursor of the last case seen.
 */
public record FindCorrectionCases(CorrectionStatus status, int limit, CorrectionCursor after) {
}
