package cn.singlewindow.realname.messages.testing;

import cn.singlewindow.realname.messages.account.IdentityDocument;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import java.util.concurrent.ThreadLocalRandom;

/** Valid codes that belong to no real company, generated with the standards' own check characters. */
public final class SampleCodes {

    /** Characters allowed in both an organisation code body and a USCC. */
    public static final String BODY_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private SampleCodes() {
    }

    public static String orgCodeFor(String body) {
        return body + OrgCode.checkCharacter(body);
    }

    /** A USCC of a company registered by a market regulator (91) in Beijing's Chaoyang district (110105). */
    public static String usccFor(String orgBody) {
        String first17 = "91110105" + orgCodeFor(orgBody);
        return first17 + Uscc.checkCharacter(first17);
    }

    public static String randomOrgBody() {
        StringBuilder body = new StringBuilder(8);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            body.append(BODY_CHARS.charAt(random.nextInt(BODY_CHARS.length())));
        }
        return body.toString();
    }

    /** A resident ID number (GB 11643) of someone born in Beijing's Chaoyang district between 1950 and 1999. */
    public static String randomResidentId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = String.format("110105%04d%02d%02d%03d", 1950 + random.nextInt(50), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return first17 + IdentityDocument.checkCharacter(first17);
    }

    public static String randomUscc() {
        return usccFor(randomOrgBody());
    }
}
