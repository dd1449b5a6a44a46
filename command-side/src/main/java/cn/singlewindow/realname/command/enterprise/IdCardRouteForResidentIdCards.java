package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.common.Rejection;
import java.util.Optional;

/**
 * Manual §2.5.3.2: the ID card route checks a resident ID card against CTID; a person whose document is another kind
 * (a passport, a permit) takes the bank-card route.
 */
final class IdCardRouteForResidentIdCards {

    private IdCardRouteForResidentIdCards() {
    }

    static Optional<Rejection> refusal(DocumentType documentOfPerson) {
        return documentOfPerson == DocumentType.RESIDENT_ID_CARD ? Optional.empty()
                : Optional.of(CertificationRejections.ID_CARD_ROUTE_NOT_APPLICABLE);
    }
}
