package cn.singlewindow.realname.api.enterprise;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.LegacyPasswordHash;
import cn.singlewindow.realname.messages.account.NewAccount;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.enterprise.ChangeEnterpriseInfo;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.ImportLegacyEnterprise;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import java.time.LocalDate;

/** GraphQL inputs of the enterprise operations, and the commands they become (a bulk import's rows too). */
public final class EnterpriseInputs {

    private EnterpriseInputs() {
    }

    public record AdministratorInput(String username, String initialPassword, String passwordHash, String ownerName,
                                     DocumentType documentType, String documentNumber, String idValidFrom,
                                     String idValidTo) {

        NewAccount toNewAccount(LocalDate today) {
            return new NewAccount(AccountId.create(), username,
                    initialPassword == null ? null : new Password(initialPassword),
                    passwordHash == null ? null : new LegacyPasswordHash(passwordHash),
                    AccountOwner.of(ownerName, documentType, documentNumber, idValidFrom, idValidTo, today));
        }
    }

    public record ImportLegacyEnterpriseInput(String name, String uscc, String orgCode, String legalRepName,
                                              DocumentType legalRepDocumentType, String legalRepDocumentNumber,
                                              EnterpriseOrigin origin, AdministratorInput administrator) {

        public ImportLegacyEnterprise toCommand(LocalDate today) {
            Uscc code = Uscc.of(uscc);
            return new ImportLegacyEnterprise(EnterpriseId.create(), name, code, code.orgCodeOr(orgCode),
                    LegalRepresentative.of(legalRepName, legalRepDocumentType, legalRepDocumentNumber, today),
                    origin, administrator.toNewAccount(today));
        }
    }

    record ChangeEnterpriseInfoInput(String enterpriseId, String name, String uscc, String orgCode) {

        ChangeEnterpriseInfo toCommand() {
            Uscc code = Uscc.of(uscc);
            return new ChangeEnterpriseInfo(new EnterpriseId(enterpriseId), name, code, code.orgCodeOr(orgCode));
        }
    }
}
