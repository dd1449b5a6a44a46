package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.account.LegacyPasswordHash;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migrated account keeps its legacy password when the legacy system's hash of it is as strong as one made here:
 * BCrypt of cost 10 (ours) to 14. Weaker or other hashes would be kept crackable, so they are refused; a higher cost
 * would let anyone hold a core for seconds with one wrong login. Kept as the encoder's {@code {bcrypt}} form, it is
 * checked at login like any other, with no hashing at import (which is what makes a bulk import fast).
 */
final class CarriedOverPasswordHash {

    static final int MIN_COST = 10;
    static final int MAX_COST = 14;
    private static final String BCRYPT_ID = "{bcrypt}";
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./0-9A-Za-z]{53}");

    static final Rejection NOT_ACCEPTED = Rejection.of("VALIDATION_FAILED",
            "A password hash carried over must be BCrypt ($2a$, $2b$ or $2y$, optionally after {bcrypt}) of cost "
                    + MIN_COST + " to " + MAX_COST + "; give an initial password instead.",
            "沿用的密码散列须为成本因子" + MIN_COST + "至" + MAX_COST + "的BCrypt散列，否则请改为提供初始密码。")
            .onField("passwordHash");

    static final Rejection ONE_OF_THE_TWO = Rejection.of("VALIDATION_FAILED",
            "Give the administrator either an initial password or a password hash carried over: one of the two.",
            "请为管理员提供初始密码或沿用的密码散列，二者择一。").onField("initialPassword");

    private CarriedOverPasswordHash() {
    }

    /** The hash as the password encoder stores it, or a refusal. */
    static String storedForm(LegacyPasswordHash hash) {
        String value = hash == null || hash.value() == null ? "" : hash.value().strip();
        String bare = value.startsWith(BCRYPT_ID) ? value.substring(BCRYPT_ID.length()) : value;
        Matcher bcrypt = BCRYPT.matcher(bare);
        if (!bcrypt.matches()) {
            throw new RejectedException(NOT_ACCEPTED);
        }
        int cost = Integer.parseInt(bcrypt.group(1));
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new RejectedException(NOT_ACCEPTED);
        }
        return BCRYPT_ID + bare;
    }

    /** An account arrives with a password to hash or a hash to keep, never both and never neither. */
    static void requireOneOf(Password password, LegacyPasswordHash hash) {
        if ((password == null || password.value() == null) == (hash == null || hash.value() == null)) {
            throw new RejectedException(ONE_OF_THE_TWO);
        }
    }
}
