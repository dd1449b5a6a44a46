package cn.singlewindow.realname.messages.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.messages.common.RejectedException;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class IdentityDocumentTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    static String residentId(String address, LocalDate birth, int sequence) {
        String first17 = address + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence);
        return first17 + IdentityDocument.checkCharacter(first17);
    }

    private static String codeOf(Runnable action) {
        try {
            action.run();
            return "accepted";
        } catch (RejectedException rejected) {
            return rejected.rejection().code();
        }
    }

    @Test
    void the_worked_example_of_gb_11643_is_valid() {
        assertThat(IdentityDocument.of(DocumentType.RESIDENT_ID_CARD, "11010519491231002X", TODAY).number())
                .isEqualTo("11010519491231002X");
    }

    @Test
    void a_lower_case_or_full_width_check_character_is_normalised() {
        assertThat(IdentityDocument.of(DocumentType.RESIDENT_ID_CARD, "11010519491231002x", TODAY).number())
                .isEqualTo("11010519491231002X");
        assertThat(IdentityDocument.of(DocumentType.RESIDENT_ID_CARD, "１１０１０５１９４９１２３１００２Ｘ", TODAY)
                .number()).isEqualTo("11010519491231002X");
    }

    @Test
    void an_impossible_or_future_birth_date_is_refused() {
        assertThat(codeOf(() -> IdentityDocument.of(DocumentType.RESIDENT_ID_CARD,
                residentId("110105", LocalDate.of(2030, 1, 1), 1), TODAY))).isEqualTo("INVALID_DOCUMENT_NUMBER");
        String february30 = "11010519490230002";
        assertThat(codeOf(() -> IdentityDocument.of(DocumentType.RESIDENT_ID_CARD,
                february30 + IdentityDocument.checkCharacter(february30), TODAY))).isEqualTo("INVALID_DOCUMENT_NUMBER");
    }

    @Test
    void a_residence_permit_number_is_not_a_resident_id_card_and_the_other_way_round() {
        String permit = residentId("810000", LocalDate.of(1990, 5, 1), 12);
        assertThat(IdentityDocument.of(DocumentType.HMT_RESIDENCE_PERMIT, permit, TODAY).number()).isEqualTo(permit);
        assertThat(codeOf(() -> IdentityDocument.of(DocumentType.RESIDENT_ID_CARD, permit, TODAY)))
                .isEqualTo("INVALID_DOCUMENT_NUMBER");
        assertThat(codeOf(() -> IdentityDocument.of(DocumentType.HMT_RESIDENCE_PERMIT, "11010519491231002X", TODAY)))
                .isEqualTo("INVALID_DOCUMENT_NUMBER");
    }

    @Test
    void only_passports_of_the_prc_are_accepted() {
        for (String prc : new String[] {"E12345678", "EA1234567", "G12345678", "DE1234567", "SE1234567", "PE1234567",
                "e12345678"}) {
            assertThat(codeOf(() -> IdentityDocument.of(DocumentType.PRC_PASSPORT, prc, TODAY))).as(prc)
                    .isEqualTo("accepted");
        }
        for (String foreign : new String[] {"K12345678", "123456789", "EI1234567", "E1234567", "X1234567"}) {
            assertThat(codeOf(() -> IdentityDocument.of(DocumentType.PRC_PASSPORT, foreign, TODAY))).as(foreign)
                    .isEqualTo("PASSPORT_NOT_PRC");
        }
    }

    @Test
    void travel_permits_and_permanent_residence_ids_follow_their_forms() {
        assertThat(codeOf(() -> IdentityDocument.of(DocumentType.HK_MACAO_PERMIT, "H12345678", TODAY)))
                .isEqualTo("accepted");
        assertThat(codeOf(() -> IdentityDocument.of(DocumentType.HK_MACAO_PERMIT, "M1234567890", TODAY)))
                .isEqualTo("accepted");
        assertThat(codeOf(() -> IdentityDocument.of(DocumentType.HK_MACAO_PERMIT, "C12345678", TODAY)))
                .isEqualTo("INVALID_DOCUMENT_NUMBER");
        assertThat(codeOf(() -> IdentityDocument.of(DocumentType.TAIWAN_PERMIT, "12345678", TODAY)))
                .isEqualTo("accepted");
        assertThat(codeOf(() -> IdentityDocument.of(DocumentType.TAIWAN_PERMIT, "1234567", TODAY)))
                .isEqualTo("INVALID_DOCUMENT_NUMBER");
        assertThat(codeOf(() -> IdentityDocument.of(DocumentType.FOREIGN_PERMANENT_RESIDENT_ID, "USA110180101001",
                TODAY))).isEqualTo("accepted");
        String form2023 = "93115619800101001";
        char check = IdentityDocument.checkCharacter(form2023);
        char wrongCheck = check == '0' ? '1' : '0';
        assertThat(codeOf(() -> IdentityDocument.of(DocumentType.FOREIGN_PERMANENT_RESIDENT_ID, form2023 + check,
                TODAY))).isEqualTo("accepted");
        assertThat(codeOf(() -> IdentityDocument.of(DocumentType.FOREIGN_PERMANENT_RESIDENT_ID, form2023 + wrongCheck,
                TODAY))).isEqualTo("INVALID_DOCUMENT_NUMBER");
    }

    @Test
    void anything_else_is_a_typed_error_never_an_exception_of_another_kind() {
        for (String junk : new String[] {"", "   ", "'; DROP TABLE x;--", "１２３", "\u0000\u202e", "x".repeat(10_000)}) {
            for (DocumentType type : DocumentType.values()) {
                assertThatThrownBy(() -> IdentityDocument.of(type, junk, TODAY)).isInstanceOf(RejectedException.class);
            }
        }
    }

    @Property
    void every_generated_resident_id_number_is_valid(@ForAll("residentIds") String number) {
        assertThat(IdentityDocument.isResidentIdNumber(number, TODAY)).isTrue();
    }

    @Property
    void changing_any_single_digit_of_a_resident_id_number_is_caught(@ForAll("residentIds") String number,
                                                                      @ForAll("positions") int position,
                                                                      @ForAll("digits") int digit) {
        char replacement = (char) ('0' + digit);
        if (replacement == number.charAt(position)) {
            return;
        }
        String corrupted = number.substring(0, position) + replacement + number.substring(position + 1);
        // MOD 11-2 catches every single substitution among the first 17 digits; at position 17 the check itself.
        assertThat(IdentityDocument.hasGb11643Check(corrupted)).isFalse();
    }

    @Property
    void validity_dates_must_be_real_ordered_and_current(@ForAll("dates") LocalDate from,
                                                          @ForAll("dates") LocalDate to) {
        String fromText = from.toString().replace("-", "");
        String toText = to.toString().replace("-", "");
        String outcome = codeOf(() -> IdValidity.of(fromText, toText, TODAY));
        if (from.isAfter(TODAY) || !to.isAfter(from)) {
            assertThat(outcome).isEqualTo("VALIDATION_FAILED");
        } else if (to.isBefore(TODAY)) {
            assertThat(outcome).isEqualTo("DOCUMENT_EXPIRED");
        } else {
            assertThat(outcome).isEqualTo("accepted");
        }
        if (!from.isAfter(TODAY)) {
            assertThat(codeOf(() -> IdValidity.of(fromText, IdValidity.LONG_TERM, TODAY))).isEqualTo("accepted");
        }
    }

    @Provide
    Arbitrary<String> residentIds() {
        Arbitrary<String> addresses = Arbitraries.integers().between(110000, 659999).map(String::valueOf);
        Arbitrary<LocalDate> births = Arbitraries.integers().between(0, (int) (TODAY.toEpochDay()
                - LocalDate.of(1900, 1, 1).toEpochDay())).map(d -> LocalDate.of(1900, 1, 1).plusDays(d));
        Arbitrary<Integer> sequences = Arbitraries.integers().between(0, 999);
        return Combinators.combine(addresses, births, sequences).as(IdentityDocumentTest::residentId);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(-7000, 7000).map(TODAY::plusDays);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 16);
    }

    @Provide
    Arbitrary<Integer> digits() {
        return Arbitraries.integers().between(0, 9);
    }
}
