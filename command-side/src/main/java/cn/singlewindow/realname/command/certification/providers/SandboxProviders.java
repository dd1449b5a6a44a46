package cn.singlewindow.realname.command.certification.providers;

import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.IdValidity;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sandbox's CTID, bank-card check and SMS gateway over seeded tables. Each answers only from what was seeded
 * with {@code sandboxRegisterPerson} / {@code sandboxRegisterBankCard}, comparing every element exactly as the
 * real check does; nothing unknown passes. Texts go to an outbox that {@code sandboxSmsOutbox} reads.
 */
@Component
@Profile("sandbox")
class SandboxProviders implements IdentityAuthority, BankCardVerifier, SmsGateway, SimulatedProviders {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SandboxProviders(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void registerPerson(String name, DocumentType documentType, String documentNumber, String validFrom,
                               String validTo, boolean inCtid) {
        jdbc.update("INSERT INTO sandbox_person (document_number, document_type, name, id_valid_from, id_valid_to,"
                        + " in_ctid) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (document_number) DO UPDATE SET"
                        + " document_type = EXCLUDED.document_type, name = EXCLUDED.name,"
                        + " id_valid_from = EXCLUDED.id_valid_from, id_valid_to = EXCLUDED.id_valid_to,"
                        + " in_ctid = EXCLUDED.in_ctid",
                documentNumber, documentType.name(), name, validFrom, validTo, inCtid);
    }

    @Override
    public void registerBankCard(String cardNumber, String name, DocumentType documentType, String documentNumber,
                                 String phone) {
        jdbc.update("INSERT INTO sandbox_bank_card (card_number, name, document_type, document_number, phone)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (card_number) DO UPDATE SET name = EXCLUDED.name,"
                        + " document_type = EXCLUDED.document_type, document_number = EXCLUDED.document_number,"
                        + " phone = EXCLUDED.phone",
                cardNumber, name, documentType.name(), documentNumber, phone);
    }

    @Override
    public List<SandboxSms> outbox(String phone) {
        return jdbc.query("SELECT phone, text, sent_at FROM sandbox_sms_outbox WHERE phone = ? ORDER BY id DESC",
                (rs, row) -> new SandboxSms(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                phone);
    }

    @Override
    public Verdict verify(String name, String idNumber, IdValidity validity) {
        List<Verdict> found = jdbc.query("SELECT name, id_valid_from, id_valid_to, in_ctid FROM sandbox_person"
                        + " WHERE document_number = ? AND document_type = 'RESIDENT_ID_CARD'",
                (rs, row) -> {
                    if (!rs.getBoolean(4)) {
                        return Verdict.NOT_IN_CTID;
                    }
                    boolean all = rs.getString(1).equals(name) && rs.getString(2).equals(validity.from())
                            && rs.getString(3).equals(validity.to());
                    return all ? Verdict.MATCH : Verdict.MISMATCH;
                }, idNumber);
        // CTID answers "not found" for a card it does not hold, whatever else was typed.
        return found.isEmpty() ? Verdict.NOT_IN_CTID : found.get(0);
    }

    @Override
    public boolean verify(String name, DocumentType documentType, String documentNumber, String cardNumber,
                          String phone) {
        Integer matches = jdbc.queryForObject("SELECT count(*) FROM sandbox_bank_card WHERE card_number = ?"
                        + " AND name = ? AND document_type = ? AND document_number = ? AND phone = ?",
                Integer.class, cardNumber, name, documentType.name(), documentNumber, phone);
        return matches != null && matches == 1;
    }

    @Override
    public void send(String phone, String text) {
        jdbc.update("INSERT INTO sandbox_sms_outbox (phone, text, sent_at) VALUES (?, ?, ?)", phone, text,
                Timestamp.from(clock.instant()));
    }

}
