package cn.singlewindow.realname.command.enterprise.registry;

import cn.singlewindow.realname.messages.common.Codes;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;

/** An enterprise as the national enterprise credit information system records it. */
public record RegisteredEnterprise(Uscc uscc, String name, OrgCode orgCode, LegalRepresentative legalRepresentative,
                                   RegistrationStatus status) {

    public enum RegistrationStatus {
        /** 存续 / 在业: the enterprise exists and operates. */
        ACTIVE,
        /** 注销, 吊销 and the like: no longer an enterprise one may certify. */
        CLOSED
    }

    /** Same name, ignoring full-width/half-width forms and spaces, as people type them both ways. */
    public boolean hasName(String candidate) {
        return Codes.normalise(name).equals(Codes.normalise(candidate));
    }

    public boolean active() {
        return status == RegistrationStatus.ACTIVE;
    }
}
