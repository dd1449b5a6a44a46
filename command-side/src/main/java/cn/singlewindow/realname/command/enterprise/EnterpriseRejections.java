package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.common.Rejection;

/** What the enterprise rules answer when they refuse, in the manual's words where it has them (§2.3). */
final class EnterpriseRejections {

    static final Rejection TOO_MANY_IDENTITY_FIELDS_CHANGED = Rejection.of("TOO_MANY_IDENTITY_FIELDS_CHANGED",
            "At most two of enterprise name, USCC and organisation code may be changed at once.",
            "当需要修改企业信息时，企业名称、统一社会信用代码、组织机构代码中最多只能修改两项信息。");

    static final Rejection ORG_CODE_MISMATCH = Rejection.of("ORG_CODE_MISMATCH",
            "The organisation code must equal positions 9 to 17 of the USCC.",
            "组织机构代码应与统一社会信用代码第9至17位一致。").onField("orgCode");

    static final Rejection USCC_ALREADY_REGISTERED = Rejection.of("USCC_ALREADY_REGISTERED",
            "Another enterprise user already has this USCC.",
            "该统一社会信用代码已被其他企业用户使用。").onField("uscc");

    static final Rejection NAME_REQUIRED = Rejection.of("VALIDATION_FAILED",
            "The enterprise name is required (at most 200 characters).",
            "请填写企业名称（不超过200个字符）。").onField("name");

    static final Rejection NOT_APPLICABLE = Rejection.of("NOT_APPLICABLE",
            "Real-name certification is for enterprise users migrated from the former inspection system or another"
                    + " local system; users registered through the Single Window or logging in with E-Port card media"
                    + " are already certified.",
            "本功能适用于从原检系统或其他地方系统迁移到单一窗口、未做实名认证的企业用户；"
                    + "通过单一窗口注册的企业用户以及直接使用电子口岸卡介质登录的企业用户无需进行实名认证。");

    static final Rejection ENTERPRISE_LOCKED = Rejection.of("ENTERPRISE_LOCKED",
            "The enterprise has passed real-name certification; its name, USCC and organisation code are locked.",
            "企业已通过实名认证，企业名称、统一社会信用代码、组织机构代码不能再修改。");

    static final Rejection REGISTRY_MISMATCH = Rejection.of("REGISTRY_MISMATCH",
            "The enterprise information does not match the national enterprise credit information system.",
            "企业信息校验不通过。推荐使用管理员协助验证的方式将个人账号升级为企业操作员；或访问“国家企业信用信息公示系统”"
                    + "（http://www.gsxt.gov.cn）核实企业基本信息，如核实后发现填写有误请在单一窗口界面重新填写；"
                    + "如信息无误，请提供企业相关证明材料并联系单一窗口客服协助更正。")
            .withHint("ADMINISTRATOR_ASSISTED_UPGRADE or CHECK_AT_GSXT: ask your enterprise's administrator to"
                    + " upgrade a personal account, or compare your entry with http://www.gsxt.gov.cn");

    private EnterpriseRejections() {
    }
}
