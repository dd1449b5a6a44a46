package cn.singlewindow.realname.cardbridge.iccard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority.CardHolder;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority.IssuedCard;
import cn.singlewindow.realname.messages.card.CardCheck;
import cn.singlewindow.realname.messages.card.CardType;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real SM2 keys, certificates, signatures and CRLs, built here with Bouncy Castle. */
class IcCardVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    private final SoftwareCardAuthority eport = SoftwareCardAuthority.generate("China E-Port Test CA",
            NOW.minus(Duration.ofDays(30)));
    private final List<java.security.cert.X509CRL> crls = new ArrayList<>(List.of(eport.crl(NOW)));
    private final List<java.security.cert.X509Certificate> intermediates = new ArrayList<>();
    private final IcCardVerifier verifier = new IcCardVerifier(
            () -> new TrustMaterial(List.of(eport.certificate()), intermediates, crls),
            Clock.fixed(NOW, ZoneOffset.UTC), true);
    private final String uscc = SampleCodes.randomUscc();
    private final CardHolder holder = new CardHolder("测试贸易有限公司", uscc.substring(8, 17), "张三",
            "11010519491231002X", CardType.LEGAL_PERSON);
    private final byte[] nonce = new byte[32];

    IcCardVerifierTest() {
        new SecureRandom().nextBytes(nonce);
    }

    private IssuedCard card(SoftwareCardAuthority ca, CardHolder who, Instant from, Instant until) {
        return ca.issue(who, from, until);
    }

    private IssuedCard validCard() {
        return card(eport, holder, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
    }

    private static String signature(IssuedCard card, byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(SoftwareCardAuthority.sign(card.privateKey(), bytes));
    }

    @Test
    void a_valid_card_signing_the_nonce_names_its_enterprise_holder_and_type() throws Exception {
        IssuedCard card = validCard();
        CardCheck check = verifier.verify(Pem.write(card.certificate()), signature(card, nonce), nonce);
        assertThat(check.passed()).isTrue();
        assertThat(check.orgCode()).isEqualTo(uscc.substring(8, 17));
        assertThat(check.enterpriseName()).isEqualTo("测试贸易有限公司");
        assertThat(check.holderIdNumber()).isEqualTo("11010519491231002X");
        assertThat(check.cardType()).isEqualTo(CardType.LEGAL_PERSON);
        assertThat(check.certificateSerial()).isEqualTo(card.certificate().getSerialNumber().toString(16));
        assertThat(check.issuer()).contains("China E-Port Test CA");
    }

    @Test
    void a_signature_over_other_bytes_is_invalid() throws Exception {
        IssuedCard card = validCard();
        byte[] other = nonce.clone();
        other[0] ^= 1;
        assertThat(verifier.verify(Pem.write(card.certificate()), signature(card, other), nonce).failureCode())
                .isEqualTo(FailureReason.SIGNATURE_INVALID);
    }

    @Test
    void a_signature_by_another_key_is_invalid() throws Exception {
        IssuedCard card = validCard();
        IssuedCard thief = validCard();
        assertThat(verifier.verify(Pem.write(card.certificate()), signature(thief, nonce), nonce).failureCode())
                .isEqualTo(FailureReason.SIGNATURE_INVALID);
    }

    @Test
    void a_card_from_another_ca_with_the_same_name_is_untrusted() throws Exception {
        SoftwareCardAuthority impostor = SoftwareCardAuthority.generate("China E-Port Test CA",
                NOW.minus(Duration.ofDays(30)));
        IssuedCard card = card(impostor, holder, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
        assertThat(verifier.verify(Pem.write(card.certificate()), signature(card, nonce), nonce).failureCode())
                .isEqualTo(FailureReason.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void an_expired_card_is_refused_as_expired() throws Exception {
        IssuedCard card = card(eport, holder, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
        CardCheck check = verifier.verify(Pem.write(card.certificate()), signature(card, nonce), nonce);
        assertThat(check.failureCode()).isEqualTo(FailureReason.CERTIFICATE_EXPIRED);
        assertThat(check.certificateSerial()).isNotBlank();
    }

    @Test
    void a_card_on_its_cas_revocation_list_is_revoked() throws Exception {
        IssuedCard card = validCard();
        eport.revoke(card.certificate().getSerialNumber(), NOW.minus(Duration.ofHours(1)));
        crls.add(eport.crl(NOW.plusSeconds(1)));
        assertThat(verifier.verify(Pem.write(card.certificate()), signature(card, nonce), nonce).failureCode())
                .isEqualTo(FailureReason.CERTIFICATE_REVOKED);
    }

    @Test
    void a_revocation_list_not_signed_by_the_ca_revokes_nothing() throws Exception {
        IssuedCard card = validCard();
        SoftwareCardAuthority forger = new SoftwareCardAuthority(SoftwareCardAuthority.sm2KeyPair(),
                eport.certificate());
        forger.revoke(card.certificate().getSerialNumber(), NOW.minus(Duration.ofHours(1)));
        crls.add(forger.crl(NOW));
        assertThat(verifier.verify(Pem.write(card.certificate()), signature(card, nonce), nonce).passed()).isTrue();
    }

    @Test
    void a_certificate_without_the_e_port_organisation_code_is_untrusted() throws Exception {
        CardHolder anonymousHolder = new CardHolder("测试贸易有限公司", null, "张三", "11010519491231002X",
                CardType.OPERATOR);
        IssuedCard card = card(eport, anonymousHolder, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        assertThat(verifier.verify(Pem.write(card.certificate()), signature(card, nonce), nonce).failureCode())
                .isEqualTo(FailureReason.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void garbage_instead_of_a_certificate_or_signature_is_refused_not_thrown() throws Exception {
        IssuedCard card = validCard();
        assertThat(verifier.verify("not a certificate", signature(card, nonce), nonce).failureCode())
                .isEqualTo(FailureReason.CERTIFICATE_UNTRUSTED);
        assertThat(verifier.verify(Pem.write(card.certificate()), "%%%not-base64", nonce).failureCode())
                .isEqualTo(FailureReason.SIGNATURE_INVALID);
        assertThat(verifier.verify(null, null, nonce).failureCode()).isEqualTo(FailureReason.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void a_card_under_an_intermediate_ca_is_trusted_through_it_presented_or_configured() throws Exception {
        SoftwareCardAuthority intermediate = eport.issueIntermediate("China E-Port Test Issuing CA",
                NOW.minus(Duration.ofDays(10)));
        crls.add(intermediate.crl(NOW));
        IssuedCard card = card(intermediate, holder, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));

        assertThat(verifier.verify(Pem.write(card.certificate(), intermediate.certificate()), signature(card, nonce),
                nonce).passed()).as("the card with its intermediate after it").isTrue();
        assertThat(verifier.verify(Pem.write(card.certificate()), signature(card, nonce), nonce).failureCode())
                .as("the card alone, the intermediate unknown here").isEqualTo(FailureReason.CERTIFICATE_UNTRUSTED);
        intermediates.add(intermediate.certificate());
        assertThat(verifier.verify(Pem.write(card.certificate()), signature(card, nonce), nonce).passed())
                .as("the card alone, the intermediate configured").isTrue();
    }

    @Test
    void a_card_under_a_revoked_intermediate_is_revoked() throws Exception {
        SoftwareCardAuthority intermediate = eport.issueIntermediate("China E-Port Test Issuing CA",
                NOW.minus(Duration.ofDays(10)));
        crls.add(intermediate.crl(NOW));
        eport.revoke(intermediate.certificate().getSerialNumber(), NOW.minus(Duration.ofHours(1)));
        crls.add(eport.crl(NOW.plusSeconds(1)));
        IssuedCard card = card(intermediate, holder, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
        assertThat(verifier.verify(Pem.write(card.certificate(), intermediate.certificate()), signature(card, nonce),
                nonce).failureCode()).isEqualTo(FailureReason.CERTIFICATE_REVOKED);
    }

    @Test
    void with_crls_required_a_missing_or_stale_crl_leaves_the_status_unknown() throws Exception {
        IssuedCard card = validCard();
        crls.clear();
        assertThat(verifier.verify(Pem.write(card.certificate()), signature(card, nonce), nonce).failureCode())
                .as("no CRL of the CA").isEqualTo(FailureReason.CERTIFICATE_STATUS_UNKNOWN);
        crls.add(eport.crl(NOW.minus(Duration.ofDays(3)), Duration.ofDays(1)));
        assertThat(verifier.verify(Pem.write(card.certificate()), signature(card, nonce), nonce).failureCode())
                .as("its CRL past its next update").isEqualTo(FailureReason.CERTIFICATE_STATUS_UNKNOWN);

        IcCardVerifier lenient = new IcCardVerifier(() -> new TrustMaterial(List.of(eport.certificate()), List.of(),
                List.of()), Clock.fixed(NOW, ZoneOffset.UTC), false);
        assertThat(lenient.verify(Pem.write(card.certificate()), signature(card, nonce), nonce).passed())
                .as("CRLs not required").isTrue();
    }

    @Test
    void names_with_commas_plus_quotes_and_hashes_stay_one_attribute_each() throws Exception {
        CardHolder tricky = new CardHolder("甲, O=伪造 + \"公司\"; #1", uscc.substring(8, 17), "张三, CN=管理员+#",
                "11010519491231002X", CardType.OPERATOR);
        IssuedCard card = card(eport, tricky, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        var subject = org.bouncycastle.asn1.x500.X500Name.getInstance(card.certificate().getSubjectX500Principal()
                .getEncoded());
        assertThat(subject.getRDNs()).hasSize(3);
        assertThat(subject.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.O)[0].getFirst().getValue().toString())
                .isEqualTo("甲, O=伪造 + \"公司\"; #1");
        assertThat(verifier.verify(Pem.write(card.certificate()), signature(card, nonce), nonce).passed()).isTrue();

        // A leading '#' marks hex-encoded DER in the string form of a name: here it is only a character.
        CardHolder hashFirst = new CardHolder("#04024142 有限公司", uscc.substring(8, 17), "#张三=\"<",
                "11010519491231002X", CardType.OPERATOR);
        var named = org.bouncycastle.asn1.x500.X500Name.getInstance(card(eport, hashFirst, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30))).certificate().getSubjectX500Principal().getEncoded());
        assertThat(named.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN)[0].getFirst().getValue().toString())
                .isEqualTo("#张三=\"<");
        assertThat(named.getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.O)[0].getFirst().getValue().toString())
                .isEqualTo("#04024142 有限公司");
    }
}
