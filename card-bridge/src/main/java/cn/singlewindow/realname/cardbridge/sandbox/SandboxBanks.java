package cn.singlewindow.realname.cardbridge.sandbox;

import cn.singlewindow.realname.cardbridge.bankukey.BankKeys;
import cn.singlewindow.realname.cardbridge.bankukey.SelfSigned;
import cn.singlewindow.realname.cardbridge.bankukey.SignedMessages;
import cn.singlewindow.realname.cardbridge.iccard.Pem;
import cn.singlewindow.realname.messages.card.Bank;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sandbox's banks and our sandbox platform key: generated at first start under {@code <data-dir>/sandbox-banks}
 * (never committed). CCB and CMBC sign with SM2, ABC with RSA, so that both kinds of bank signature are exercised.
 * The banks' pages are served by the application at {@code /sandbox/bank/{bank}}. Like a real bank, a sandbox bank
 * certifies only a corporate account it holds, signed in with that account's UKey password
 * ({@code sandboxRegisterBankAccount}); anything else it answers as refused.
 */
public class SandboxBanks implements BankKeys {

    private final Map<Bank, SelfSigned.Identity> banks = new EnumMap<>(Bank.class);
    private final SelfSigned.Identity platform;
    private final String baseUrl;
    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public SandboxBanks(Path dataDir, Clock clock, String baseUrl, JdbcTemplate jdbc) throws IOException {
        this.jdbc = jdbc;
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
        Pem.writeKeyFile(key, Pem.write(identity.keys().getPrivate()));
        Files.writeString(certificate, Pem.write(identity.certificate()));
        return identity;
    }

    /** A corporate account at the bank, for the enterprise with this USCC, and the password of its UKey. */
    public void registerAccount(Bank bank, String uscc, String enterpriseName, String ukeyPassword) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        jdbc.update("INSERT INTO sandbox_bank_account (bank, uscc, enterprise_name, password_salt, password_hash)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (bank, uscc) DO UPDATE SET enterprise_name ="
                        + " EXCLUDED.enterprise_name, password_salt = EXCLUDED.password_salt, password_hash ="
                        + " EXCLUDED.password_hash", bank.name(), uscc, enterpriseName, saltHex,
                hash(saltHex, ukeyPassword));
    }

    /** Whether the bank holds the enterprise's corporate account and the UKey password is its own. */
    public boolean certifies(Bank bank, String uscc, String ukeyPassword) {
        List<String[]> accounts = jdbc.query("SELECT password_salt, password_hash FROM sandbox_bank_account"
                        + " WHERE bank = ? AND uscc = ?", (rs, row) -> new String[] {rs.getString(1), rs.getString(2)},
                bank.name(), uscc);
        return !accounts.isEmpty() && MessageDigest.isEqual(
                hash(accounts.get(0)[0], ukeyPassword).getBytes(StandardCharsets.US_ASCII),
                accounts.get(0)[1].getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String salt, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
