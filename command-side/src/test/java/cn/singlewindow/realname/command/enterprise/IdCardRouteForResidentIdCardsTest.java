package cn.singlewindow.realname.command.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.messages.account.DocumentType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IdCardRouteForResidentIdCardsTest {

    @Test
    void a_resident_id_card_takes_the_id_card_route() {
        assertThat(IdCardRouteForResidentIdCards.refusal(DocumentType.RESIDENT_ID_CARD)).isEmpty();
    }

    @Test
    void every_other_document_is_sent_to_the_bank_card_route() {
        Arrays.stream(DocumentType.values()).filter(type -> type != DocumentType.RESIDENT_ID_CARD).forEach(type ->
                assertThat(IdCardRouteForResidentIdCards.refusal(type)).as(type.name()).hasValueSatisfying(
                        rejection -> assertThat(rejection.hint()).isEqualTo("SWITCH_TO_BANK_CARD")));
    }
}
