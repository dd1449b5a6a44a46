package cn.singlewindow.realname.cardbridge.bankukey;

import cn.singlewindow.realname.messages.card.Bank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The corporate bank UKey method (docs/card-bridge.md). Outside the sandbox the platform's key and certificate and
 * every bank's certificate and address are required: without them the service stops at start and names each one.
 *
 * @param stateTtl how long the browser may take at the bank before the bank's answer is refused as late
 * @param returnUrlBase this service's public address, where the banks send the browser back (required outside the
 *                      sandbox)
 * @param platformKey our private key for the banks (a PEM resource)
 * @param platformCertificate our certificate for the banks (a PEM resource)
 * @param banks per bank (CCB, ABC, CMBC): its signing certificate (a PEM resource) and the address of its
 *              certification page
 * @param sandboxBaseUrl where the sandbox's simulated bank pages are served
 */
@Validated
@ConfigurationProperties("realname.bank-ukey")
public record BankUkeySettings(@DefaultValue("15m") @NotNull Duration stateTtl,
                               @DefaultValue("") String returnUrlBase,
                               @DefaultValue("") String platformKey,
                               @DefaultValue("") String platformCertificate,
                               @DefaultValue Banks banks,
                               @DefaultValue("/sandbox/bank") String sandboxBaseUrl) {

    /**
     * One entry per bank the manual names. Fields rather than a map keyed by {@link Bank}: a map's keys do not bind
     * from environment variables under a prefix with a dash ({@code REALNAME_BANK_UKEY_BANKS_CCB_URL}).
     *
     * @param ccb China Construction Bank
     * @param abc Agricultural Bank of China
     * @param cmbc China Minsheng Bank
     */
    public record Banks(BankEndpoint ccb, BankEndpoint abc, BankEndpoint cmbc) {

        /** The bank's settings; both parts null when unset. */
        public BankEndpoint of(Bank bank) {
            BankEndpoint endpoint = switch (bank) {
                case CCB -> ccb;
                case ABC -> abc;
                case CMBC -> cmbc;
            };
            return endpoint == null ? new BankEndpoint(null, null) : endpoint;
        }
    }

    /**
     * @param certificate the bank's signing certificate (a PEM resource)
     * @param url the bank's certification page
     */
    public record BankEndpoint(String certificate, String url) {
    }
}
