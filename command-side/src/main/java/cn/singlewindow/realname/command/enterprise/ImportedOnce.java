package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.ImportLegacyEnterprise;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import java.util.Locale;

/**
 * A migrated enterprise comes in once (manual §一): importing it again with the same data changes nothing, so a
 * migration can be run again after a failure; with other data it is refused, never overwritten. Compared with the
 * enterprise as it was imported: its name, USCC, organisation code, origin and administrator's user name (any case).
 * Persons' identities are not compared: they live sealed in the events only.
 */
final class ImportedOnce {

    static final Rejection DIFFERENTLY = Rejection.of("ALREADY_IMPORTED_DIFFERENTLY",
            "This USCC was imported before with other data; it is not overwritten.",
            "该统一社会信用代码已按其他信息导入，不会被覆盖。").onField("uscc");

    /** The enterprise as its import recorded it. */
    record ImportedAs(String name, Uscc uscc, OrgCode orgCode, EnterpriseOrigin origin, AccountId administratorId) {
    }

    private ImportedOnce() {
    }

    static boolean same(ImportedAs earlier, String earlierAdministrator, ImportLegacyEnterprise again) {
        return earlier.name().equals(again.name() == null ? null : again.name().strip())
                && earlier.uscc().equals(again.uscc())
                && earlier.orgCode().equals(again.orgCode())
                && earlier.origin() == again.origin()
                && earlierAdministrator.toLowerCase(Locale.ROOT)
                .equals(String.valueOf(again.administrator().username()).toLowerCase(Locale.ROOT));
    }
}
