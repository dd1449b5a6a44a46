package cn.singlewindow.realname.eventstore.privacy;

import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.privacy.PersonReferences;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.modes.gcm.BasicGCMMultiplier;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Per-person data keys for personal data in stored events (crypto-shredding). Each person, named by a keyed hash of
 * their document, has a random SM4 key kept in {@code person_key}, wrapped with the master key; personal fields are
 * sealed with SM4-GCM under it. Erasing the key leaves the events in place and makes those fields unreadable for
 * good, on every node once its key cache (60 s) has expired.
 */
@Component
public class PersonalDataVault implements PersonReferences, PersonalDataKeys {

    /** A sealed value: the key it needs and the nonce, ciphertext and tag, in base64. */
    public record Sealed(String keyId, String sealed) {
    }

    private record DataKey(String id, byte[] key) {
    }

    private static final String TRANSACTION_KEYS = PersonalDataVault.class.getName() + ".transactionKeys";
    static final int MASTER_KEY_BYTES = 32;
    static final int DATA_KEY_BYTES = 16;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;
    private final byte[] wrappingKey;
    private final byte[] referenceKey;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<byte[]>> openingKeys = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(60))
            .build();

    PersonalDataVault(JdbcTemplate jdbc,
                      PrivacySettings settings, Secrets secrets) {
        this.jdbc = jdbc;
        byte[] master = secrets.resolve(settings.masterKey(), "privacy-master-key",
                MASTER_KEY_BYTES, "realname.privacy.master-key");
        this.wrappingKey = Arrays.copyOf(hmac(master, bytes("realname/person-key-wrapping")), DATA_KEY_BYTES);
        this.referenceKey = hmac(master, bytes("realname/person-reference"));
    }

    @Override
    public String of(DocumentType type, String documentNumber) {
        if (type == null || documentNumber == null) {
            return null;
        }
        return HexFormat.of().formatHex(hmac(referenceKey, bytes(type.name() + ":" + documentNumber)));
    }

    /**
     * Seals with the person's active key, made on first use. The nonce is derived from key and plaintext, so
     * sealing the same value twice gives the same bytes: an event serialized for its audit hash and again for
     * storage must not differ.
     */
    public Sealed seal(String personRef, byte[] plaintext) {
        DataKey key = activeKey(personRef);
        byte[] nonce = Arrays.copyOf(hmac(key.key(), plaintext), NONCE_BYTES);
        byte[] ciphertext = gcm(true, key.key(), nonce, bytes(key.id()), plaintext);
        byte[] out = new byte[NONCE_BYTES + ciphertext.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(ciphertext, 0, out, NONCE_BYTES, ciphertext.length);
        return new Sealed(key.id(), Base64.getEncoder().encodeToString(out));
    }

    /** The plaintext, or empty once the person's key was erased. A tampered value fails loudly. */
    public Optional<byte[]> open(Sealed sealed) {
        Optional<byte[]> key = openingKeys.get(sealed.keyId(), this::loadKey);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] in = Base64.getDecoder().decode(sealed.sealed());
        byte[] nonce = Arrays.copyOf(in, NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(in, NONCE_BYTES, in.length);
        return Optional.of(gcm(false, key.get(), nonce, bytes(sealed.keyId()), ciphertext));
    }

    @Override
    public Erasure erase(DocumentType type, String documentNumber, String erasedBy, String reason) {
        String personRef = of(type, documentNumber);
        List<String> keyIds = jdbc.queryForList("UPDATE person_key SET wrapped_key = NULL, erased_at = now(),"
                        + " erased_by = ?, erasure_reason = ? WHERE person_ref = ? AND erased_at IS NULL"
                        + " RETURNING key_id", String.class, erasedBy, reason, personRef);
        openingKeys.invalidateAll(keyIds);
        return new Erasure(personRef, keyIds.size());
    }

    private DataKey activeKey(String personRef) {
        Map<String, DataKey> transactionKeys = transactionKeys();
        DataKey known = transactionKeys.get(personRef);
        if (known != null) {
            return known;
        }
        DataKey key = findOrCreateActiveKey(personRef);
        transactionKeys.put(personRef, key);
        return key;
    }

    /**
     * Keys found within the current transaction: an event is serialized twice (audit hash, storage), and a
     * command's events often name the same person. Never kept longer: another node may erase a key at any time.
     */
    private static Map<String, DataKey> transactionKeys() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        @SuppressWarnings("unchecked")
        Map<String, DataKey> keys = (Map<String, DataKey>) TransactionSynchronizationManager.getResource(
                TRANSACTION_KEYS);
        if (keys == null) {
            keys = new HashMap<>();
            TransactionSynchronizationManager.bindResource(TRANSACTION_KEYS, keys);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TRANSACTION_KEYS);
                }
            });
        }
        return keys;
    }

    private DataKey findOrCreateActiveKey(String personRef) {
        Optional<DataKey> existing = findActiveKey(personRef);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] key = new byte[DATA_KEY_BYTES];
        random.nextBytes(key);
        String keyId = UUID.randomUUID().toString();
        // In the transaction of the command whose events need it: the key commits with them or not at all, so no
        // stored event can outlive its key. (A transaction of its own would need a second connection while the
        // command holds one: under load the pool ran dry.) A concurrent creator waits here on the unique index.
        jdbc.update("INSERT INTO person_key (key_id, person_ref, wrapped_key) VALUES (?, ?, ?)"
                + " ON CONFLICT (person_ref) WHERE erased_at IS NULL DO NOTHING", keyId, personRef, wrap(keyId, key));
        // Another transaction may have won the race: use whichever key is now the active one.
        return findActiveKey(personRef).orElseThrow(() ->
                new IllegalStateException("no active data key after creating one"));
    }

    private Optional<DataKey> findActiveKey(String personRef) {
        return jdbc.query("SELECT key_id, wrapped_key FROM person_key WHERE person_ref = ? AND erased_at IS NULL",
                (rs, row) -> new DataKey(rs.getString(1), unwrap(rs.getString(1), rs.getBytes(2))), personRef)
                .stream().findFirst();
    }

    private Optional<byte[]> loadKey(String keyId) {
        List<byte[]> wrapped = jdbc.query("SELECT wrapped_key FROM person_key WHERE key_id = ?",
                (rs, row) -> rs.getBytes(1), keyId);
        if (wrapped.isEmpty()) {
            throw new IllegalStateException("unknown data key " + keyId);
        }
        return Optional.ofNullable(wrapped.get(0)).map(bytes -> unwrap(keyId, bytes));
    }

    private byte[] wrap(String keyId, byte[] key) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = gcm(true, wrappingKey, nonce, bytes(keyId), key);
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + ciphertext.length);
        System.arraycopy(ciphertext, 0, out, NONCE_BYTES, ciphertext.length);
        return out;
    }

    private byte[] unwrap(String keyId, byte[] wrapped) {
        return gcm(false, wrappingKey, Arrays.copyOf(wrapped, NONCE_BYTES), bytes(keyId),
                Arrays.copyOfRange(wrapped, NONCE_BYTES, wrapped.length));
    }

    static byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData, byte[] input) {
        // The default multiplier fills a 4 KB table per key at each init: 2.4% of a W2 command, for values of a
        // few blocks. The basic one computes the same products without it.
        GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine(), new BasicGCMMultiplier());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associatedData));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, out, 0);
        try {
            length += cipher.doFinal(out, length);
        } catch (InvalidCipherTextException tampered) {
            throw new IllegalStateException("sealed personal data failed its integrity check", tampered);
        }
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    static byte[] hmac(byte[] key, byte[] message) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
