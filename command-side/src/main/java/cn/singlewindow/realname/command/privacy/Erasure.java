package cn.singlewindow.realname.command.privacy;

import cn.singlewindow.realname.command.account.OwnerDocumentRegistry;
import cn.singlewindow.realname.eventstore.privacy.PersonalDataKeys;
import cn.singlewindow.realname.messages.account.IdentityDocument;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import cn.singlewindow.realname.messages.common.ChinaTime;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.privacy.ErasePersonalData;
import cn.singlewindow.realname.messages.privacy.PersonReferences;
import cn.singlewindow.realname.messages.privacy.PersonalDataErasure;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A lawful erasure request: the person's keys go, so their names and document numbers in history cannot be read
 * again; the owner-document lookup, which holds their document in clear, forgets it; the request itself is recorded
 * on the person's {@link PersonalData} stream ({@code PersonalDataErased}: who, why, the person's reference, never the
 * document), from which the read models drop what they showed of them. Events, their order and their audit hashes
 * stay as they were. All in the command's one transaction.
 */
@Component
class Erasure {

    static final int MAX_REASON = 500;
    static final Rejection REASON_REQUIRED = Rejection.of("VALIDATION_FAILED",
            "Give the legal basis of the erasure (at most 500 characters).",
            "请填写删除个人信息的法律依据（不超过500个字符）。").onField("reason");

    private final Repository<PersonalData> persons;
    private final PersonReferences references;
    private final PersonalDataKeys keys;
    private final OwnerDocumentRegistry ownerDocuments;
    private final Cache aggregateCache;

    Erasure(Repository<PersonalData> persons, PersonReferences references, PersonalDataKeys keys,
            OwnerDocumentRegistry ownerDocuments, @Qualifier("aggregateCache") Cache aggregateCache) {
        this.persons = persons;
        this.references = references;
        this.keys = keys;
        this.ownerDocuments = ownerDocuments;
        this.aggregateCache = aggregateCache;
    }

    @CommandHandler
    PersonalDataErasure handle(ErasePersonalData command, @MetaDataValue(AuditMetadata.ACTOR) String actor)
            throws Exception {
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw new RejectedException(REASON_REQUIRED);
        }
        IdentityDocument document = IdentityDocument.of(command.documentType(), command.documentNumber(),
                ChinaTime.today(GenericEventMessage.clock));
        String personRef = references.of(document.type(), document.number());
        PersonalDataKeys.Erasure erased = keys.erase(document.type(), document.number(), actor, reason);
        ownerDocuments.forget(document.number());
        persons.loadOrCreate(personRef, PersonalData::new).execute(person ->
                person.recordErasure(personRef, document.type(), erased.keysErased(), reason));
        // Aggregates in memory still hold the person in clear; they reload from the (now sealed-shut) history.
        aggregateCache.removeAll();
        return new PersonalDataErasure(erased.keysErased(), GenericEventMessage.clock.instant());
    }
}
