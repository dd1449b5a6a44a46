package cn.singlewindow.realname.command.certification.providers;

import cn.singlewindow.realname.messages.account.IdValidity;

/**
 * Port to CTID, the national trusted identity authentication platform: do name, ID number and validity dates
 * belong together? All four elements must be right (manual §2.5.3.2 (3)).
 */
public interface IdentityAuthority {

    enum Verdict {
        MATCH,
        MISMATCH,
        /** The card is not in CTID: the person syncs it with the CTID app first. */
        NOT_IN_CTID
    }

    /** @throws ProviderUnavailableException when CTID cannot answer now */
    Verdict verify(String name, String idNumber, IdValidity validity);
}
