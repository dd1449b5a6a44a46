package cn.singlewindow.realname.messages.correction;

/** Answers an Optional of {@link CorrectionCaseView}. */
public record FindCorrectionCase(String caseId) {
}
