package cn.singlewindow.realname.cardbridge.bankukey;

import cn.singlewindow.realname.messages.card.Bank;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.cms.CMSSignedData;
import org.springframework.stereotype.Component;

/**
 * The bank UKey exchange (manual §2.5.6): a request signed by us in the redirect URL, a response signed by the bank
 * in the callback. Only certification data crosses.
 */
@Component
public class BankUkeyGateway {

    private final BankKeys keys;
    private final ObjectMapper json;

    BankUkeyGateway(BankKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    public String redirectUrl(Bank bank, BankUkeyRequest request) {
        String signed = SignedMessages.sign(bytes(request), keys.platformKey(), keys.platformCertificate());
        return keys.bankUrl(bank) + "?request=" + URLEncoder.encode(signed, StandardCharsets.US_ASCII);
    }

    /** The bank's response when that bank signed it; empty when forged or malformed. */
    public Optional<BankUkeyResponse> verifiedResponse(Bank bank, String signedResponse) {
        return SignedMessages.verify(signedResponse, keys.bankCertificate(bank)).flatMap(this::response);
    }

    /** Only to find which attempt a rejected callback claims to be about, for the audit trail; never trusted. */
    public Optional<BankUkeyResponse> unverifiedResponse(String signedResponse) {
        try {
            CMSSignedData signed = new CMSSignedData(Base64.getDecoder().decode(signedResponse.strip()));
            return response((byte[]) signed.getSignedContent().getContent());
        } catch (Exception malformed) {
            return Optional.empty();
        }
    }

    private Optional<BankUkeyResponse> response(byte[] content) {
        try {
            return Optional.of(json.readValue(content, BankUkeyResponse.class));
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }

    private byte[] bytes(Object message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
