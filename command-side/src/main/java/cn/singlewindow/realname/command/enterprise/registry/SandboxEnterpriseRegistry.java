package cn.singlewindow.realname.command.enterprise.registry;

import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise.RegistrationStatus;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sandbox's registry: records seeded through {@code sandboxRegisterEnterprise} plus a fixture set of sample
 * enterprises whose codes are valid but belong to no real company. It answers only what it holds, exactly as
 * held: a record that differs is a mismatch here as it would be at the real registry.
 */
@Component
@Profile("sandbox")
class SandboxEnterpriseRegistry implements EnterpriseRegistry, SimulatedRegistry {

    static final String FIXTURES = "/sandbox/registry-enterprises.json";

    private final JdbcTemplate jdbc;

    SandboxEnterpriseRegistry(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        loadFixtures(objectMapper);
    }

    @Override
    public void register(RegisteredEnterprise record) {
        LegalRepresentative legalRep = record.legalRepresentative();
        jdbc.update("INSERT INTO sandbox_registry_enterprise (uscc, name, org_code, legal_rep_name,"
                        + " legal_rep_document_type, legal_rep_document_number, status) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (uscc) DO UPDATE SET name = EXCLUDED.name, org_code = EXCLUDED.org_code,"
                        + " legal_rep_name = EXCLUDED.legal_rep_name,"
                        + " legal_rep_document_type = EXCLUDED.legal_rep_document_type,"
                        + " legal_rep_document_number = EXCLUDED.legal_rep_document_number, status = EXCLUDED.status",
                record.uscc().value(), record.name(), record.orgCode().value(), legalRep.name(),
                legalRep.documentType().name(), legalRep.documentNumber(), record.status().name());
    }

    @Override
    public Optional<RegisteredEnterprise> lookUp(Uscc uscc) {
        return jdbc.query("SELECT uscc, name, org_code, legal_rep_name, legal_rep_document_type,"
                        + " legal_rep_document_number, status FROM sandbox_registry_enterprise WHERE uscc = ?",
                (rs, row) -> new RegisteredEnterprise(new Uscc(rs.getString(1)), rs.getString(2),
                        new OrgCode(rs.getString(3)), new LegalRepresentative(rs.getString(4),
                        DocumentType.valueOf(rs.getString(5)), rs.getString(6)),
                        RegistrationStatus.valueOf(rs.getString(7))),
                uscc.value()).stream().findFirst();
    }

    private void loadFixtures(ObjectMapper objectMapper) {
        try (InputStream in = getClass().getResourceAsStream(FIXTURES)) {
            List<Fixture> fixtures = List.of(objectMapper.readValue(in, Fixture[].class));
            for (Fixture f : fixtures) {
                Uscc uscc = Uscc.of(f.uscc());
                if (lookUp(uscc).isEmpty()) {
                    register(new RegisteredEnterprise(uscc, f.name(), uscc.orgCode(),
                            new LegalRepresentative(f.legalRepName(), f.legalRepDocumentType(),
                                    f.legalRepDocumentNumber()), f.status()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FIXTURES, e);
        }
    }

    record Fixture(String uscc, String name, String legalRepName, DocumentType legalRepDocumentType,
                   String legalRepDocumentNumber, RegistrationStatus status) {
    }
}
