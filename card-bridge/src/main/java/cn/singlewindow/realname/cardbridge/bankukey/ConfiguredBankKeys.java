package cn.singlewindow.realname.cardbridge.bankukey;

import cn.singlewindow.realname.cardbridge.iccard.Pem;
import cn.singlewindow.realname.messages.card.Bank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Keys and addresses from configuration outside the sandbox: {@code realname.bank-ukey.platform-key} and
 * {@code .platform-certificate} (PEM resources), and per bank {@code realname.bank-ukey.banks.<BANK>.certificate}
 * and {@code .url}. Missing settings stop the start-up with the name of what is missing.
 */
@Component
@Profile("!sandbox")
class ConfiguredBankKeys implements BankKeys {

    private final PrivateKey platformKey;
    private final X509Certificate platformCertificate;
    private final Map<Bank, X509Certificate> certificates = new EnumMap<>(Bank.class);
    private final Map<Bank, String> urls = new EnumMap<>(Bank.class);

    ConfiguredBankKeys(Environment environment, ResourceLoader resources) {
        platformKey = Pem.privateKey(read(resources, environment.getRequiredProperty("realname.bank-ukey.platform-key")));
        platformCertificate = Pem.certificates(read(resources,
                environment.getRequiredProperty("realname.bank-ukey.platform-certificate"))).get(0);
        for (Bank bank : Bank.values()) {
            String prefix = "realname.bank-ukey.banks." + bank.name();
            certificates.put(bank, Pem.certificates(read(resources,
                    environment.getRequiredProperty(prefix + ".certificate"))).get(0));
            urls.put(bank, environment.getRequiredProperty(prefix + ".url"));
        }
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
