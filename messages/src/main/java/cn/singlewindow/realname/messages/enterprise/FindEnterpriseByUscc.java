package cn.singlewindow.realname.messages.enterprise;

/** Answers an {@link EnterpriseView}, or nothing when no enterprise user has this USCC. */
public record FindEnterpriseByUscc(Uscc uscc) {
}
