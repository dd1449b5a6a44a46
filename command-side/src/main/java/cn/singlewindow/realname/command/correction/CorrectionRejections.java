package cn.singlewindow.realname.command.correction;

import cn.singlewindow.realname.messages.common.Rejection;

/** What the correction case's rules answer when they refuse. */
final class CorrectionRejections {

    static final Rejection NOT_THE_CASES_ADMINISTRATOR = Rejection.of("FORBIDDEN",
            "Only the administrator who opened the case may change it.", "只有发起更正申请的管理员可以修改该申请。");
    static final Rejection NOT_A_DRAFT = Rejection.of("CASE_NOT_DRAFT",
            "The case has been submitted; its evidence and request no longer change.", "更正申请已提交，不能再修改。");
    static final Rejection NOT_SUBMITTED = Rejection.of("CASE_NOT_SUBMITTED",
            "Only a submitted case is decided.", "只有已提交的更正申请才能审核。");
    static final Rejection NO_EVIDENCE = Rejection.of("EVIDENCE_REQUIRED",
            "Add at least one file of evidence (PDF, JPEG or PNG) before submitting.",
            "请至少上传一份证明材料（PDF、JPEG或PNG）后再提交。");
    static final Rejection TOO_MANY_FILES = Rejection.of("TOO_MANY_FILES",
            "A case holds at most " + CorrectionCase.MAX_FILES + " files of evidence.",
            "每份更正申请最多上传" + CorrectionCase.MAX_FILES + "份证明材料。");
    static final Rejection EXPLANATION_REQUIRED = Rejection.of("VALIDATION_FAILED",
            "Explain what the registry got wrong (at most " + CorrectionCase.MAX_EXPLANATION + " characters).",
            "请说明需要更正的原因（不超过" + CorrectionCase.MAX_EXPLANATION + "个字符）。").onField("explanation");
    static final Rejection NAME_REQUIRED = Rejection.of("VALIDATION_FAILED",
            "The enterprise name is required (at most 200 characters).", "请填写企业名称（不超过200个字符）。")
            .onField("name");
    static final Rejection ORG_CODE_MISMATCH = Rejection.of("ORG_CODE_MISMATCH",
            "The organisation code must equal positions 9 to 17 of the USCC.", "组织机构代码应与统一社会信用代码第9至17位一致。")
            .onField("orgCode");
    static final Rejection REASON_REQUIRED = Rejection.of("VALIDATION_FAILED",
            "A rejection needs a reason (at most 200 characters).", "驳回更正申请时请填写原因（不超过200个字符）。")
            .onField("reason");

    private CorrectionRejections() {
    }
}
