package cn.singlewindow.realname.api.privacy;

import cn.singlewindow.realname.eventstore.privacy.PersonalDataVault;

import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.IdentityDocument;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import cn.singlewindow.realname.messages.common.ChinaTime;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.privacy.PersonalDataErased;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lawful erasure request: the person's keys go, so their names and document numbers in history cannot be read
 * again; lookups that hold their document in clear forget it; read models drop it ({@link PersonalDataErased},
 * itself stored, records who erased and why). Events, their order and their audit hashes stay as they were.
 */
@Component
class PersonalDataErasure {

    record Result(int keysErased, Instant erasedAt) {
    }

    private static final int MAX_REASON = 500;

    private final PersonalDataVault vault;
    private final JdbcTemplate jdbc;
    private final EventGateway events;
    private final Cache aggregateCache;
    private final Clock clock;

    PersonalDataErasure(PersonalDataVault vault, JdbcTemplate jdbc, EventGateway events, Cache aggregateCache,
                        Clock clock) {
        this.vault = vault;
        this.jdbc = jdbc;
        this.events = events;
        this.aggregateCache = aggregateCache;
        this.clock = clock;
    }

    @Transactional
    public Result erase(DocumentType type, String documentNumber, String reason, MetaData origin) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new RejectedException(ApiRejections.invalidField("reason",
                    "Give the legal basis of the erasure (at most 500 characters).",
                    "请填写删除个人信息的法律依据（不超过500个字符）。"));
        }
        IdentityDocument document = IdentityDocument.of(type, documentNumber, ChinaTime.today(clock));
        String erasedBy = (String) origin.get(AuditMetadata.ACTOR);
        PersonalDataVault.Erasure erasure = vault.erase(document.type(), document.number(), erasedBy,
                reason.strip());
        jdbc.update("DELETE FROM enterprise_owner_document WHERE document_number = ?", document.number());
        events.publish(GenericEventMessage.asEventMessage(new PersonalDataErased(erasure.personRef(),
                document.type(), erasure.keysErased(), reason.strip())).andMetaData(origin));
        // Aggregates in memory still hold the person in clear; they reload from the (now sealed-shut) history.
        aggregateCache.removeAll();
        return new Result(erasure.keysErased(), clock.instant());
    }
}
