package cn.singlewindow.realname.messages.correction;

/** Where a correction case stands: drafted by the administrator, submitted with evidence, then decided by staff. */
public enum CorrectionStatus { DRAFT, SUBMITTED, APPROVED, REJECTED }
