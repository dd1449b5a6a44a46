package cn.singlewindow.realname.cardbridge.sandbox;

import cn.singlewindow.realname.cardbridge.bankukey.BankKeys;
import cn.singlewindow.realname.cardbridge.bankukey.SelfSigned;
import cn.singlewindow.realname.cardbridge.bankukey.SignedMessages;
import cn.singlewindow.realname.cardbridge.iccard.Pem;
import cn.singlewindow.realname.messages.card.Bank;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The sandbox's banks and our sandbox platform key: generated at first start under {@code <data-dir>/sandbox-banks}
 * (never committed). CCB and CMBC sign with SM2, ABC with RSA, so that both kinds of bank signature are exercised.
 * The banks' pages are served by the application at {@code /sandbox/bank/{bank}}.
 */
@Component
@Profile("sandbox")
public class SandboxBanks implements BankKeys {

    private final Map<Bank, SelfSigned.Identity> banks = new EnumMap<>(Bank.class);
    private final SelfSigned.Identity platform;
    private final String baseUrl;

    SandboxBanks(@Value("${realname.data-dir}") Path dataDir, Clock clock,
                 @Value("${realname.bank-ukey.sandbox-base-url:/sandbox/bank}") String baseUrl) throws IOException {
        Path dir = dataDir.resolve("sandbox-banks");
        Files.createDirectories(dir);
        for (Bank bank : Bank.values()) {
            banks.put(bank, loadOrCreate(dir, bank.name().toLowerCase(), bank == Bank.ABC, clock));
        }
        platform = loadOrCreate(dir, "platform", false, clock);
        this.baseUrl = baseUrl;
    }

    private static SelfSigned.Identity loadOrCreate(Path dir, String name, boolean rsa, Clock clock)
            throws IOException {
        Path key = dir.resolve(name + ".key.pem");
        Path certificate = dir.resolve(name + ".cert.pem");
        if (Files.exists(key) && Files.exists(certificate)) {
            X509Certificate cert = Pem.certificates(Files.readString(certificate)).get(0);
            return new SelfSigned.Identity(new KeyPair(cert.getPublicKey(), Pem.privateKey(Files.readString(key))),
                    cert);
        }
        SelfSigned.Identity identity = SelfSigned.create("Sandbox " + name, rsa, clock.instant());
        Files.writeString(key, Pem.write(identity.keys().getPrivate()));
        Files.writeString(certificate, Pem.write(identity.certificate()));
        return identity;
    }

    /** What the sandbox bank does after the UKey and its password: sign its answer. */
    public String signAsBank(Bank bank, byte[] content) {
        SelfSigned.Identity identity = banks.get(bank);
        return SignedMessages.sign(content, identity.keys().getPrivate(), identity.certificate());
    }

    @Override
    public PrivateKey platformKey() {
        return platform.keys().getPrivate();
    }

    @Override
    public X509Certificate platformCertificate() {
        return platform.certificate();
    }

    @Override
    public X509Certificate bankCertificate(Bank bank) {
        return banks.get(bank).certificate();
    }

    @Override
    public String bankUrl(Bank bank) {
        return baseUrl + "/" + bank.name();
    }
}
