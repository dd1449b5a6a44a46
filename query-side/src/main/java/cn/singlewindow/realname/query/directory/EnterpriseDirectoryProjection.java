package cn.singlewindow.realname.query.directory;

import cn.singlewindow.realname.eventstore.rebuild.ProjectionTables;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountInfoChanged;
import cn.singlewindow.realname.messages.account.AccountOpened;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.AccountUnlocked;
import cn.singlewindow.realname.messages.account.AccountDisabled;
import cn.singlewindow.realname.messages.account.AccountEnabled;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.account.PasswordChanged;
import cn.singlewindow.realname.messages.account.SessionEnded;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.OperatorUpgradeApproved;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRejected;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRequested;
import cn.singlewindow.realname.messages.account.AccountView;
import cn.singlewindow.realname.messages.account.FindAccount;
import cn.singlewindow.realname.messages.account.FindAccountsOfEnterprises;
import cn.singlewindow.realname.messages.account.OwnerIdentityVerified;
import cn.singlewindow.realname.messages.certification.CertificationOverview;
import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.certification.EnterpriseInfoVerified;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoChanged;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoCorrected;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import cn.singlewindow.realname.messages.enterprise.FindEnterprise;
import cn.singlewindow.realname.messages.enterprise.FindEnterpriseByUscc;
import cn.singlewindow.realname.messages.enterprise.FindEnterprises;
import cn.singlewindow.realname.messages.enterprise.LegacyEnterpriseImported;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.privacy.PersonReferences;
import cn.singlewindow.realname.messages.privacy.PersonalDataErased;
import cn.singlewindow.realname.query.certification.JoinedMethodStatuses;
import cn.singlewindow.realname.query.rebuild.ProjectionUpdates;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Enterprises and their accounts as the API shows them. Rows remember the sequence number of the last event
 * applied, which makes replays idempotent and lets a writer wait for its own change (subscription queries).
 */
@Component
@ProcessingGroup(ProjectionTables.PROCESSING_GROUP)
class EnterpriseDirectoryProjection {

    private final EnterpriseRows enterprises;
    private final AccountRows accounts;
    private final ProjectionUpdates updateEmitter;
    private final PersonReferences persons;
    private final JdbcTemplate jdbc;
    private final KeptEnterpriseViews views;

    EnterpriseDirectoryProjection(EnterpriseRows enterprises, AccountRows accounts,
                                  ProjectionUpdates updateEmitter, PersonReferences persons, JdbcTemplate jdbc,
                                  KeptEnterpriseViews views) {
        this.enterprises = enterprises;
        this.accounts = accounts;
        this.updateEmitter = updateEmitter;
        this.persons = persons;
        this.jdbc = jdbc;
        this.views = views;
    }

    @EventHandler
    void on(LegacyEnterpriseImported event, @SequenceNumber long sequence, @Timestamp Instant at) {
        EnterpriseRow row = enterprises.findById(event.enterpriseId().value()).orElseGet(EnterpriseRow::new);
        if (row.enterpriseId != null && row.version >= sequence) {
            return;
        }
        row.enterpriseId = event.enterpriseId().value();
        row.name = event.name();
        row.uscc = event.uscc().value();
        row.orgCode = event.orgCode().value();
        row.origin = event.origin();
        LegalRepresentative legalRep = event.legalRepresentative();
        if (legalRep != null) {
            row.legalRepName = legalRep.name();
            row.legalRepDocumentType = legalRep.documentType();
            row.legalRepDocumentNumber = Masking.documentNumber(legalRep.documentNumber());
            row.legalRepRef = persons.of(legalRep.documentType(), legalRep.documentNumber());
        }
        saveAndEmit(row, sequence, at);
    }

    /** Step 1 of the legal-representative method: the legal representative the registry confirmed is the one shown. */
    @EventHandler
    void on(EnterpriseInfoVerified event, @SequenceNumber long sequence, @Timestamp Instant at) {
        enterpriseAfter(event.enterpriseId(), sequence).ifPresent(row -> {
            LegalRepresentative legalRep = event.legalRepresentative();
            row.legalRepName = legalRep.name();
            row.legalRepDocumentType = legalRep.documentType();
            row.legalRepDocumentNumber = Masking.documentNumber(legalRep.documentNumber());
            row.legalRepRef = persons.of(legalRep.documentType(), legalRep.documentNumber());
            saveAndEmit(row, sequence, at);
        });
    }

    @EventHandler
    void on(EnterpriseInfoChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        identity(event.enterpriseId(), event.name(), event.uscc(), event.orgCode(), sequence, at);
    }

    /** Staff's correction with evidence: shown as a change by the user is. */
    @EventHandler
    void on(EnterpriseInfoCorrected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        identity(event.enterpriseId(), event.name(), event.uscc(), event.orgCode(), sequence, at);
    }

    private void identity(EnterpriseId enterpriseId, String name, Uscc uscc, OrgCode orgCode, long sequence,
                          Instant at) {
        enterpriseAfter(enterpriseId, sequence).ifPresent(row -> {
            row.name = name;
            row.uscc = uscc.value();
            row.orgCode = orgCode.value();
            saveAndEmit(row, sequence, at);
        });
    }

    @EventHandler
    void on(AccountOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (accounts.findById(event.accountId().value()).isPresent()) {
            return;
        }
        AccountRow row = new AccountRow();
        row.accountId = event.accountId().value();
        row.enterpriseId = event.enterpriseId() == null ? null : event.enterpriseId().value();
        row.username = event.username();
        row.role = event.role();
        applyOwner(row, event.owner());
        saveAndEmit(row, sequence, at);
    }

    @EventHandler
    void on(AccountInfoChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        accountAfter(event.accountId(), sequence).ifPresent(row -> {
            applyOwner(row, event.owner());
            saveAndEmit(row, sequence, at);
        });
    }

    @EventHandler
    void on(OwnerIdentityVerified event, @SequenceNumber long sequence, @Timestamp Instant at) {
        accountAfter(event.accountId(), sequence).ifPresent(row -> {
            row.identityVerified = true;
            saveAndEmit(row, sequence, at);
        });
    }

    @EventHandler
    void on(OperatorUpgradeApproved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        accountAfter(event.accountId(), sequence).ifPresent(row -> {
            row.role = AccountRole.OPERATOR;
            row.enterpriseId = event.enterpriseId().value();
            saveAndEmit(row, sequence, at);
        });
    }

    /** Events of an account that change nothing shown here still advance its version, for read-your-writes. */
    @EventHandler
    void on(OperatorUpgradeRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        accountAfter(event.accountId(), sequence).ifPresent(row -> saveAndEmit(row, sequence, at));
    }

    @EventHandler
    void on(OperatorUpgradeRejected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        accountAfter(event.accountId(), sequence).ifPresent(row -> saveAndEmit(row, sequence, at));
    }

    @EventHandler
    void on(AccountUnlocked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        accountAfter(event.accountId(), sequence).ifPresent(row -> saveAndEmit(row, sequence, at));
    }

    @EventHandler
    void on(AccountDisabled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        accountAfter(event.accountId(), sequence).ifPresent(row -> {
            row.enabled = false;
            saveAndEmit(row, sequence, at);
        });
    }

    @EventHandler
    void on(AccountEnabled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        accountAfter(event.accountId(), sequence).ifPresent(row -> {
            row.enabled = true;
            saveAndEmit(row, sequence, at);
        });
    }

    @EventHandler
    void on(PasswordChanged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        accountAfter(event.accountId(), sequence).ifPresent(row -> saveAndEmit(row, sequence, at));
    }

    @EventHandler
    void on(SessionEnded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        accountAfter(event.accountId(), sequence).ifPresent(row -> saveAndEmit(row, sequence, at));
    }

    /** The person's keys were destroyed: their rows keep no name or number, as a replay would now show. */
    @EventHandler
    void on(PersonalDataErased event) {
        enterprises.erasePerson(event.personRef());
        accounts.erasePerson(event.personRef());
    }

    private void applyOwner(AccountRow row, AccountOwner owner) {
        if (owner != null) {
            row.ownerName = owner.name();
            row.documentType = owner.documentType();
            row.documentNumber = Masking.documentNumber(owner.documentNumber());
            row.ownerRef = persons.of(owner.documentType(), owner.documentNumber());
            row.idValidFrom = owner.idValidFrom();
            row.idValidTo = owner.idValidTo();
        }
    }

    @ResetHandler
    void reset() {
        accounts.deleteAllInBatch();
        enterprises.deleteAllInBatch();
    }

    /** The most frequent read: from memory when this node has read it since its rows last changed. */
    @QueryHandler
    Optional<EnterpriseView> handle(FindEnterprise query) {
        return views.read(query.enterpriseId().value(), this::readEnterprise);
    }

    /**
     * Plain SQL (a repository call added a transaction and a persistence context), with the certification overview
     * joined in, read in the same statement: the most frequent read asks for both, and a second query through a
     * batch loader cost a tenth of it.
     */
    private Optional<EnterpriseView> readEnterprise(String enterpriseId) {
        return jdbc.query("SELECT " + ENTERPRISE_COLUMNS + ", " + JoinedMethodStatuses.COLUMNS
                + " FROM enterprise_view e LEFT JOIN method_status_view m ON m.enterprise_id = e.enterprise_id"
                + " WHERE e.enterprise_id = ?", rs -> {
            EnterpriseRow enterprise = null;
            JoinedMethodStatuses methods = JoinedMethodStatuses.collect();
            while (rs.next()) {
                if (enterprise == null) {
                    enterprise = ENTERPRISE.mapRow(rs, 0);
                }
                methods.add(rs, ENTERPRISE_COLUMN_COUNT + 1);
            }
            return enterprise == null ? Optional.<EnterpriseView>empty()
                    : Optional.of(toView(enterprise, methods.overview()));
        }, enterpriseId);
    }

    @QueryHandler
    Optional<EnterpriseView> handle(FindEnterpriseByUscc query) {
        return enterprises.findFirstByUscc(query.uscc().value()).map(EnterpriseDirectoryProjection::toView);
    }

    @QueryHandler
    List<EnterpriseView> handle(FindEnterprises query) {
        return enterprises.findAllById(ids(query.enterpriseIds())).stream()
                .map(EnterpriseDirectoryProjection::toView)
                .toList();
    }

    /** Plain SQL: every account mutation's answer (read-your-writes) reads it; JPA's find was 9% of a command. */
    @QueryHandler
    Optional<AccountView> handle(FindAccount query) {
        return jdbc.query(SELECT_ACCOUNTS + " WHERE account_id = ?", ACCOUNT, query.accountId().value())
                .stream().findFirst().map(EnterpriseDirectoryProjection::toView);
    }

    @QueryHandler
    List<AccountView> handle(FindAccountsOfEnterprises query) {
        return jdbc.query(SELECT_ACCOUNTS + " WHERE enterprise_id = ANY (?) ORDER BY username", ACCOUNT,
                        (Object) ids(query.enterpriseIds()).toArray(String[]::new)).stream()
                .map(EnterpriseDirectoryProjection::toView)
                .toList();
    }

    private Optional<EnterpriseRow> enterpriseAfter(EnterpriseId id, long sequence) {
        return enterprises.findById(id.value()).filter(row -> row.version < sequence);
    }

    private Optional<AccountRow> accountAfter(AccountId id, long sequence) {
        return accounts.findById(id.value()).filter(row -> row.version < sequence);
    }

    private void saveAndEmit(AccountRow row, long sequence, Instant at) {
        row.version = sequence;
        row.updatedAt = at;
        accounts.save(row);
        AccountView view = toView(row);
        updateEmitter.emit(FindAccount.class, q -> q.accountId().equals(view.id()), view);
    }

    private void saveAndEmit(EnterpriseRow row, long sequence, Instant at) {
        row.version = sequence;
        row.updatedAt = at;
        enterprises.save(row);
        EnterpriseView view = toView(row);
        // Delivered only once this unit of work commits, so no one sees a row that could still roll back.
        updateEmitter.emit(FindEnterprise.class, q -> q.enterpriseId().value().equals(row.enterpriseId), view);
        views.changedAfterCommit(row.enterpriseId);
    }

    private static final String ENTERPRISE_COLUMNS = "e.enterprise_id, e.name, e.uscc, e.org_code, e.origin,"
            + " e.legal_rep_name, e.legal_rep_document_type, e.legal_rep_document_number, e.version";
    private static final int ENTERPRISE_COLUMN_COUNT = ENTERPRISE_COLUMNS.split(",").length;

    private static final RowMapper<EnterpriseRow> ENTERPRISE = (rs, rowNumber) -> {
        EnterpriseRow row = new EnterpriseRow();
        row.enterpriseId = rs.getString(1);
        row.name = rs.getString(2);
        row.uscc = rs.getString(3);
        row.orgCode = rs.getString(4);
        row.origin = EnterpriseOrigin.valueOf(rs.getString(5));
        row.legalRepName = rs.getString(6);
        String documentType = rs.getString(7);
        row.legalRepDocumentType = documentType == null ? null : DocumentType.valueOf(documentType);
        row.legalRepDocumentNumber = rs.getString(8);
        row.version = rs.getLong(9);
        return row;
    };

    private static final String SELECT_ACCOUNTS = "SELECT account_id, enterprise_id, username, role, owner_name,"
            + " document_type, document_number, id_valid_from, id_valid_to, identity_verified, version, enabled"
            + " FROM account_view";

    private static final RowMapper<AccountRow> ACCOUNT = (rs, rowNumber) -> {
        AccountRow row = new AccountRow();
        row.accountId = rs.getString(1);
        row.enterpriseId = rs.getString(2);
        row.username = rs.getString(3);
        row.role = AccountRole.valueOf(rs.getString(4));
        row.ownerName = rs.getString(5);
        String documentType = rs.getString(6);
        row.documentType = documentType == null ? null : DocumentType.valueOf(documentType);
        row.documentNumber = rs.getString(7);
        row.idValidFrom = rs.getString(8);
        row.idValidTo = rs.getString(9);
        row.identityVerified = rs.getBoolean(10);
        row.version = rs.getLong(11);
        row.enabled = rs.getBoolean(12);
        return row;
    };

    private static Set<String> ids(Set<EnterpriseId> enterpriseIds) {
        return enterpriseIds.stream().map(EnterpriseId::value).collect(Collectors.toSet());
    }

    static EnterpriseView toView(EnterpriseRow row) {
        return toView(row, null);
    }

    private static EnterpriseView toView(EnterpriseRow row, CertificationOverview certification) {
        LegalRepresentative legalRep = row.legalRepDocumentType == null ? null
                : new LegalRepresentative(row.legalRepName, row.legalRepDocumentType, row.legalRepDocumentNumber);
        return new EnterpriseView(new EnterpriseId(row.enterpriseId), row.name, row.uscc, row.orgCode, row.origin,
                legalRep, row.version, certification, null);
    }

    static AccountView toView(AccountRow row) {
        return new AccountView(new AccountId(row.accountId),
                row.enterpriseId == null ? null : new EnterpriseId(row.enterpriseId), row.username, row.role,
                row.ownerName, row.documentType, row.documentNumber, row.idValidFrom, row.idValidTo,
                row.identityVerified, row.enabled, row.version);
    }
}
