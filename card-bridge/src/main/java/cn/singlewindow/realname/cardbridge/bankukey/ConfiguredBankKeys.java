package cn.singlewindow.realname.cardbridge.bankukey;

import cn.singlewindow.realname.cardbridge.iccard.Pem;
import cn.singlewindow.realname.messages.card.Bank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Keys and addresses from configuration outside the sandbox ({@link BankUkeySettings}). Missing settings stop the
 * start-up with the name of what is missing.
 */
@Component
@Profile("!sandbox")
class ConfiguredBankKeys implements BankKeys {

    private final PrivateKey platformKey;
    private final X509Certificate platformCertificate;
    private final Map<Bank, X509Certificate> certificates = new EnumMap<>(Bank.class);
    private final Map<Bank, String> urls = new EnumMap<>(Bank.class);

    ConfiguredBankKeys(BankUkeySettings settings, ResourceLoader resources) {
        platformKey = Pem.privateKey(read(resources, required(settings.platformKey(), "platform-key")));
        platformCertificate = Pem.certificates(read(resources,
                required(settings.platformCertificate(), "platform-certificate"))).get(0);
        for (Bank bank : Bank.values()) {
            BankUkeySettings.BankEndpoint endpoint = settings.banks().of(bank);
            String prefix = "banks." + bank.name().toLowerCase(Locale.ROOT);
            certificates.put(bank, Pem.certificates(read(resources,
                    required(endpoint.certificate(), prefix + ".certificate"))).get(0));
            urls.put(bank, required(endpoint.url(), prefix + ".url"));
        }
    }

    private static String required(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("realname.bank-ukey." + key + " is required outside the sandbox");
        }
        return value;
    }

    private static String read(ResourceLoader resources, String location) {
        try {
            return resources.getResource(location).getContentAsString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    @Override
    public PrivateKey platformKey() {
        return platformKey;
    }

    @Override
    public X509Certificate platformCertificate() {
        return platformCertificate;
    }

    @Override
    public X509Certificate bankCertificate(Bank bank) {
        return certificates.get(bank);
    }

    @Override
    public String bankUrl(Bank bank) {
        return urls.get(bank);
    }
}
