package cn.singlewindow.realname.api.enterprise;

import cn.singlewindow.realname.api.common.Inputs;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.NewAccount;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.enterprise.ChangeEnterpriseInfo;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.ImportLegacyEnterprise;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;

/** GraphQL inputs of the enterprise operations, and the commands they become. */
final class EnterpriseInputs {

    private EnterpriseInputs() {
    }

    record AdministratorInput(String username, String initialPassword, String ownerName, DocumentType documentType,
                              String documentNumber, String idValidFrom, String idValidTo) {

        NewAccount toNewAccount() {
            return new NewAccount(AccountId.create(), username, new Password(initialPassword),
                    new AccountOwner(Inputs.text("ownerName", ownerName, 100), documentType,
                            Inputs.text("documentNumber", documentNumber, 40),
                            Inputs.text("idValidFrom", idValidFrom, 8), Inputs.text("idValidTo", idValidTo, 8)));
        }
    }

    record ImportLegacyEnterpriseInput(String name, String uscc, String orgCode, String legalRepName,
                                       DocumentType legalRepDocumentType, String legalRepDocumentNumber,
                                       EnterpriseOrigin origin, AdministratorInput administrator) {

        ImportLegacyEnterprise toCommand() {
            Uscc code = Uscc.of(uscc);
            return new ImportLegacyEnterprise(EnterpriseId.create(), name, code, orgCodeOr(code, orgCode),
                    new LegalRepresentative(Inputs.text("legalRepName", legalRepName, 100), legalRepDocumentType,
                            Inputs.text("legalRepDocumentNumber", legalRepDocumentNumber, 40)),
                    origin, administrator.toNewAccount());
        }
    }

    record ChangeEnterpriseInfoInput(String enterpriseId, String name, String uscc, String orgCode) {

        ChangeEnterpriseInfo toCommand() {
            Uscc code = Uscc.of(uscc);
            return new ChangeEnterpriseInfo(new EnterpriseId(enterpriseId), name, code, orgCodeOr(code, orgCode));
        }
    }

    /** Manual §2.3 (1): entering the USCC fills in the organisation code. */
    private static OrgCode orgCodeOr(Uscc uscc, String given) {
        return given == null || given.isBlank() ? uscc.orgCode() : OrgCode.of(given);
    }
}
