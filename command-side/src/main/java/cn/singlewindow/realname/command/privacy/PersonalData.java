package cn.singlewindow.realname.command.privacy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.privacy.PersonalDataErased;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One person's personal data, named by a keyed hash of their document ({@code personRef}), never by the document:
 * the history of the erasures requested for them.
 */
@Aggregate
class PersonalData {

    @AggregateIdentifier
    private String personRef;
    private int erasures;

    PersonalData() {
        // for Axon, and for a person's first erasure
    }

    void recordErasure(String ref, DocumentType documentType, int keysErased, String reason) {
        apply(new PersonalDataErased(ref, documentType, keysErased, reason));
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        personRef = event.personRef();
        erasures++;
    }
}
