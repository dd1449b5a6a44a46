package cn.singlewindow.realname.query.notification;

import cn.singlewindow.realname.messages.account.OperatorUpgradeApproved;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRejected;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRequested;
import cn.singlewindow.realname.messages.certification.CertificationAttemptExpired;
import cn.singlewindow.realname.messages.certification.CertificationAttemptFailed;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.CertificationRequirements;
import cn.singlewindow.realname.messages.certification.SecurityLevel;
import cn.singlewindow.realname.messages.correction.CorrectionCaseApproved;
import cn.singlewindow.realname.messages.correction.CorrectionCaseRejected;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox: a tracking processor of its own (token {@value #PROCESSING_GROUP}) that turns the events
 * downstream systems care for into notices, and a pending delivery of each to every enabled webhook that asked for its
 * type, in the transaction that moves its token. An event handled twice (a node dying between the insert and the
 * token) makes no second notice: each notice's id derives from the event's. Never part of a projection rebuild, which
 * would notify everyone again.
 * <p>
 * The notices carry ids, codes and levels, never a person's name or document: receivers that need more ask the API.
 */
@Component
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
class WebhookOutbox {

    static final String PROCESSING_GROUP = "webhook-outbox";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    WebhookOutbox(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(CertificationPassed event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        EnterpriseState before = state(event.enterpriseId());
        EnterpriseState after = before.after(event);
        save(event.enterpriseId(), after);
        notice(eventId, WebhookEventType.CERTIFICATION_ATTEMPT_FINISHED, event.enterpriseId(), at,
                data("attemptId", event.attemptId(), "method", event.method().name(), "outcome", "PASSED",
                        "securityLevel", event.securityLevel().name()));
        if (after.level() != before.level()) {
            notice(eventId, WebhookEventType.SECURITY_LEVEL_CHANGED, event.enterpriseId(), at,
                    data("from", before.level().name(), "to", after.level().name()));
        }
        if (after.requirements().certified() && !before.requirements().certified()) {
            notice(eventId, WebhookEventType.ENTERPRISE_CERTIFIED, event.enterpriseId(), at,
                    data("securityLevel", after.level().name()));
        }
    }

    @EventHandler
    void on(CertificationAttemptFailed event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        notice(eventId, WebhookEventType.CERTIFICATION_ATTEMPT_FINISHED, event.enterpriseId(), at,
                data("attemptId", event.attemptId(), "method", event.method().name(), "outcome", "FAILED",
                        "reasonCode", event.reasonCode().name()));
    }

    @EventHandler
    void on(CertificationAttemptExpired event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        notice(eventId, WebhookEventType.CERTIFICATION_ATTEMPT_FINISHED, event.enterpriseId(), at,
                data("attemptId", event.attemptId(), "method", event.method().name(), "outcome", "EXPIRED"));
    }

    @EventHandler
    void on(OperatorUpgradeRequested event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        notice(eventId, WebhookEventType.OPERATOR_UPGRADE_REQUESTED, event.enterpriseId(), at,
                data("requestId", event.requestId(), "accountId", event.accountId().value()));
    }

    @EventHandler
    void on(OperatorUpgradeApproved event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        notice(eventId, WebhookEventType.OPERATOR_UPGRADE_DECIDED, event.enterpriseId(), at,
                data("requestId", event.requestId(), "accountId", event.accountId().value(), "approved", true));
    }

    @EventHandler
    void on(OperatorUpgradeRejected event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        notice(eventId, WebhookEventType.OPERATOR_UPGRADE_DECIDED, event.enterpriseId(), at,
                data("requestId", event.requestId(), "accountId", event.accountId().value(), "approved", false));
    }

    @EventHandler
    void on(CorrectionCaseApproved event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        notice(eventId, WebhookEventType.CORRECTION_CASE_DECIDED, event.enterpriseId(), at,
                data("caseId", event.caseId(), "approved", true));
    }

    @EventHandler
    void on(CorrectionCaseRejected event, @MessageIdentifier String eventId,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        notice(eventId, WebhookEventType.CORRECTION_CASE_DECIDED, event.enterpriseId(), at,
                data("caseId", event.caseId(), "approved", false));
    }

    /** The notice, once, and a pending delivery of it to each enabled webhook that asked for its type. */
    private void notice(String sourceEventId, WebhookEventType type, EnterpriseId enterprise, Instant at,
                        Map<String, Object> data) {
        if (enterprise == null) {
            return;
        }
        String eventId = UUID.nameUUIDFromBytes((sourceEventId + "/" + type).getBytes(StandardCharsets.UTF_8))
                .toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("eventType", type.name());
        body.put("occurredAt", at.toString());
        body.put("enterpriseId", enterprise.value());
        body.put("data", data);
        List<Long> inserted = jdbc.queryForList("""
                INSERT INTO webhook_notice (event_id, event_type, enterprise_id, occurred_at, body)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING RETURNING position""", Long.class,
                eventId, type.name(), enterprise.value(), Timestamp.from(at), write(body));
        if (inserted.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO webhook_delivery (webhook_id, position, enterprise_id, state, next_attempt_at)
                SELECT webhook_id, ?, ?, 'PENDING', now() FROM webhook
                WHERE enabled AND ',' || event_types || ',' LIKE ?""",
                inserted.get(0), enterprise.value(), "%," + type.name() + ",%");
    }

    private static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }

    private String write(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the outbox remembers of an enterprise, to tell a certification and a level change when they happen. */
    private record EnterpriseState(CertificationRequirements requirements, SecurityLevel level) {

        EnterpriseState after(CertificationPassed event) {
            SecurityLevel methodLevel = event.method().isMethodOfManual() ? event.securityLevel() : SecurityLevel.NONE;
            return new EnterpriseState(requirements.after(event),
                    methodLevel.compareTo(level) > 0 ? methodLevel : level);
        }
    }

    private EnterpriseState state(EnterpriseId enterprise) {
        return jdbc.query("""
                SELECT enterprise_info_verified, owner_identity_verified, passed_methods, security_level
                FROM webhook_enterprise_state WHERE enterprise_id = ?""", (rs, row) -> {
            Set<CertificationMethod> passed = EnumSet.noneOf(CertificationMethod.class);
            Arrays.stream(rs.getString(3).split(",")).filter(name -> !name.isEmpty())
                    .map(CertificationMethod::valueOf).forEach(passed::add);
            return new EnterpriseState(new CertificationRequirements(rs.getBoolean(1), rs.getBoolean(2), passed),
                    SecurityLevel.valueOf(rs.getString(4)));
        }, enterprise.value()).stream().findFirst()
                .orElse(new EnterpriseState(CertificationRequirements.NONE, SecurityLevel.NONE));
    }

    private void save(EnterpriseId enterprise, EnterpriseState state) {
        jdbc.update("""
                INSERT INTO webhook_enterprise_state
                    (enterprise_id, enterprise_info_verified, owner_identity_verified, passed_methods, security_level)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (enterprise_id) DO UPDATE SET enterprise_info_verified = excluded.enterprise_info_verified,
                    owner_identity_verified = excluded.owner_identity_verified,
                    passed_methods = excluded.passed_methods, security_level = excluded.security_level""",
                enterprise.value(), state.requirements().enterpriseInfoVerified(),
                state.requirements().ownerIdentityVerified(),
                state.requirements().passed().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                state.level().name());
    }
}
