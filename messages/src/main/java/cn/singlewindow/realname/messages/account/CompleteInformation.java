package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import java.util.ArrayList;
import java.util.List;

/**
 * Manual §2.2: after logging in, the user checks that the enterprise's and the account's information is complete
 * before certifying, and fills in what is missing (§2.3, §2.4). Names are the contract's field names. Staff accounts
 * have no owner's information to complete.
 */
public final class CompleteInformation {

    private CompleteInformation() {
    }

    public static List<String> missing(AccountView account) {
        List<String> missing = new ArrayList<>();
        if (account.role().isStaff()) {
            return missing;
        }
        blank(missing, "ownerName", account.ownerName());
        if (account.documentType() == null) {
            missing.add("documentType");
        }
        blank(missing, "documentNumber", account.documentNumber());
        if (account.documentType() == null || AccountOwner.carriesValidity(account.documentType())) {
            blank(missing, "idValidFrom", account.idValidFrom());
            blank(missing, "idValidTo", account.idValidTo());
        }
        return List.copyOf(missing);
    }

    public static List<String> missing(EnterpriseView enterprise) {
        List<String> missing = new ArrayList<>();
        blank(missing, "name", enterprise.name());
        blank(missing, "uscc", enterprise.uscc());
        blank(missing, "orgCode", enterprise.orgCode());
        LegalRepresentative legalRep = enterprise.legalRepresentative();
        if (legalRep == null) {
            missing.add("legalRepresentative");
        } else {
            blank(missing, "legalRepresentative.name", legalRep.name());
            if (legalRep.documentType() == null) {
                missing.add("legalRepresentative.documentType");
            }
            blank(missing, "legalRepresentative.documentNumber", legalRep.documentNumber());
        }
        return List.copyOf(missing);
    }

    private static void blank(List<String> missing, String field, String value) {
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
    }
}
