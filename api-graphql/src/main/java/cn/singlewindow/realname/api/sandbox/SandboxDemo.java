package cn.singlewindow.realname.api.sandbox;

import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.cardbridge.iccard.IcCardVerifier;
import cn.singlewindow.realname.cardbridge.iccard.Pem;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority.CardHolder;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority.IssuedCard;
import cn.singlewindow.realname.cardbridge.sandbox.SandboxBanks;
import cn.singlewindow.realname.cardbridge.sandbox.SandboxEPortCa;
import cn.singlewindow.realname.command.certification.providers.SimulatedProviders;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise.RegistrationStatus;
import cn.singlewindow.realname.command.enterprise.registry.SimulatedRegistry;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.IdValidity;
import cn.singlewindow.realname.messages.account.IdentityDocument;
import cn.singlewindow.realname.messages.account.NewAccount;
import cn.singlewindow.realname.messages.card.Bank;
import cn.singlewindow.realname.messages.card.CardCheck;
import cn.singlewindow.realname.messages.card.CardType;
import cn.singlewindow.realname.messages.card.CertifyByIcCard;
import cn.singlewindow.realname.messages.card.RecordBankUkeyResult;
import cn.singlewindow.realname.messages.card.StartBankUkeyCertification;
import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.certification.IdentitySubject;
import cn.singlewindow.realname.messages.certification.StartLegalRepCertification;
import cn.singlewindow.realname.messages.certification.StepResult;
import cn.singlewindow.realname.messages.certification.VerifyEnterpriseInfo;
import cn.singlewindow.realname.messages.certification.VerifyIdentityByIdCard;
import cn.singlewindow.realname.messages.common.AuditMetadata;
import cn.singlewindow.realname.messages.common.ChinaTime;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.ImportLegacyEnterprise;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.messaging.MetaData;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Fills a sandbox with enterprises in the states a live system has: certified by each method, failed for the
 * common reasons, half-way, untouched. Everything goes through the same commands, simulated providers and card
 * checks a client's requests would, so the audit stream, the dashboard and the auditor's views show real events.
 */
@Component
@Profile("sandbox")
class SandboxDemo {

    private static final Logger log = LoggerFactory.getLogger(SandboxDemo.class);

    static final int MAX_ENTERPRISES = 200;
    /** Every demo administrator's password; shown in the documentation, so sandbox only. */
    static final String ADMIN_PASSWORD = "Demo-pass1";
    static final String CHANNEL = "SANDBOX_DEMO";

    private static final String[] CITIES = {"上海", "深圳", "宁波", "青岛", "天津", "广州", "厦门", "大连"};
    private static final String[] WORDS = {"华通", "远洋", "恒丰", "中联", "瑞和", "海港", "丝路", "长江", "新桥",
            "东方"};
    private static final String[] TRADES = {"国际贸易", "物流", "进出口", "供应链管理", "报关", "国际货运代理"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "军", "杰", "涛"};
    private static final Bank[] BANKS = Bank.values();
    private static final String LEGAL_REP_FROM = "20150101";
    private static final String LEGAL_REP_TO = "00000000";
    private static final String ADMIN_FROM = "20200101";
    private static final String ADMIN_TO = "20400101";

    /** What the demo did. */
    record Seeded(int enterprises, int certified, int attempts, List<String> administrators) {
    }

    /** The share of enterprises in each story, out of twenty. */
    enum Story {
        LEGAL_REP_PASSED(6, true), IC_CARD_PASSED(3, true), BANK_PASSED(2, true), BANK_REFUSED(1, false),
        MISTYPED_THEN_PASSED(2, true), NOT_IN_CTID(1, false), REVOKED_CARD(1, false), HALF_WAY(2, false),
        UNTOUCHED(2, false);

        final int share;
        final boolean certifies;

        Story(int share, boolean certifies) {
            this.share = share;
            this.certifies = certifies;
        }

        static Story of(int index) {
            int slot = index % 20;
            for (Story story : values()) {
                if (slot < story.share) {
                    return story;
                }
                slot -= story.share;
            }
            throw new IllegalStateException("shares add up to twenty");
        }
    }

    private final Commands commands;
    private final SimulatedRegistry registry;
    private final SimulatedProviders providers;
    private final SandboxEPortCa eportCa;
    private final SandboxBanks banks;
    private final IcCardVerifier cards;
    private final Clock clock;
    private final SecureRandom secure = new SecureRandom();

    SandboxDemo(Commands commands, SimulatedRegistry registry, SimulatedProviders providers, SandboxEPortCa eportCa,
                SandboxBanks banks, IcCardVerifier cards, Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.providers = providers;
        this.eportCa = eportCa;
        this.banks = banks;
        this.cards = cards;
        this.clock = clock;
    }

    /** Seeds {@code count} enterprises; {@code origin} is the request's audit metadata (address, correlation). */
    Seeded seed(int count, MetaData origin) {
        Random random = new Random(secure.nextLong());
        String batch = Long.toString(Math.abs(random.nextLong()) % 1_000_000, 36);
        int certified = 0;
        int attempts = 0;
        List<String> administrators = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Demo demo = importOne(random, batch, i, origin);
            administrators.add(demo.imported.administrator().username());
            Story story = Story.of(i);
            attempts += demo.play(story);
            if (story.certifies) {
                certified++;
            }
        }
        log.info("Seeded {} demo enterprises ({} certified, {} attempts), batch {}", count, certified, attempts, batch);
        return new Seeded(count, certified, attempts, administrators);
    }

    private Demo importOne(Random random, String batch, int index, MetaData origin) {
        LocalDate today = ChinaTime.today(clock);
        String orgBody = code(random);
        String orgCode = orgBody + OrgCode.checkCharacter(orgBody);
        String first17 = "91" + "310115" + orgCode;
        Uscc uscc = Uscc.of(first17 + Uscc.checkCharacter(first17));
        String name = pick(random, CITIES) + pick(random, WORDS) + pick(random, TRADES) + "有限公司";
        LegalRepresentative legalRep = LegalRepresentative.of(person(random), DocumentType.RESIDENT_ID_CARD,
                residentId(random), today);
        AccountOwner admin = AccountOwner.of(person(random), DocumentType.RESIDENT_ID_CARD, residentId(random),
                ADMIN_FROM, ADMIN_TO, today);
        EnterpriseOrigin from = index % 3 == 2 ? EnterpriseOrigin.LOCAL_SYSTEM : EnterpriseOrigin.LEGACY_INSPECTION;
        NewAccount account = new NewAccount(AccountId.create(), "demo-" + batch + "-" + index,
                new Password(ADMIN_PASSWORD), admin);
        ImportLegacyEnterprise command = new ImportLegacyEnterprise(EnterpriseId.create(), name, uscc,
                uscc.orgCode(), legalRep, from, account);
        commands.send(command, origin).join();
        registry.register(new RegisteredEnterprise(uscc, name, uscc.orgCode(), legalRep, RegistrationStatus.ACTIVE));
        providers.registerPerson(admin.name(), admin.documentType(), admin.documentNumber(), admin.idValidFrom(),
                admin.idValidTo(), true);
        return new Demo(command, origin.and(AuditMetadata.ACTOR, account.accountId().value())
                .and(AuditMetadata.CHANNEL, CHANNEL), random);
    }

    /** One imported enterprise, played by its administrator. */
    private final class Demo {

        private final ImportLegacyEnterprise imported;
        private final MetaData origin;
        private final Random random;

        Demo(ImportLegacyEnterprise imported, MetaData origin, Random random) {
            this.imported = imported;
            this.origin = origin;
            this.random = random;
        }

        /** Plays the story; answers how many attempts it made. */
        int play(Story story) {
            switch (story) {
                case LEGAL_REP_PASSED -> legalRep(true, true);
                case MISTYPED_THEN_PASSED -> {
                    String attemptId = start();
                    send(enterpriseInfo(attemptId, imported.name() + "分公司"));
                    send(enterpriseInfo(attemptId, imported.name()));
                    identities(attemptId, true);
                }
                case NOT_IN_CTID -> legalRep(false, true);
                case HALF_WAY -> legalRep(true, false);
                case IC_CARD_PASSED -> icCard(false);
                case REVOKED_CARD -> icCard(true);
                case BANK_PASSED -> bank(true);
                case BANK_REFUSED -> bank(false);
                case UNTOUCHED -> {
                    return 0;
                }
            }
            return 1;
        }

        private void legalRep(boolean inCtid, boolean finish) {
            String attemptId = start();
            send(enterpriseInfo(attemptId, imported.name()));
            if (finish) {
                if (!inCtid) {
                    registerLegalRep(false);
                    send(byIdCard(attemptId, IdentitySubject.LEGAL_REP));
                    return;
                }
                identities(attemptId, true);
            }
        }

        private void identities(String attemptId, boolean inCtid) {
            registerLegalRep(inCtid);
            send(byIdCard(attemptId, IdentitySubject.LEGAL_REP));
            send(byIdCard(attemptId, IdentitySubject.ADMINISTRATOR));
        }

        private void registerLegalRep(boolean inCtid) {
            LegalRepresentative legalRep = imported.legalRepresentative();
            providers.registerPerson(legalRep.name(), legalRep.documentType(), legalRep.documentNumber(),
                    LEGAL_REP_FROM, LEGAL_REP_TO, inCtid);
        }

        private String start() {
            StepResult started = send(new StartLegalRepCertification(imported.enterpriseId(),
                    UUID.randomUUID().toString(), imported.administrator().accountId()));
            return started.attemptId();
        }

        private VerifyEnterpriseInfo enterpriseInfo(String attemptId, String name) {
            return new VerifyEnterpriseInfo(imported.enterpriseId(), attemptId, name, imported.uscc(),
                    imported.orgCode(), imported.legalRepresentative());
        }

        private VerifyIdentityByIdCard byIdCard(String attemptId, IdentitySubject subject) {
            LocalDate today = ChinaTime.today(clock);
            if (subject == IdentitySubject.LEGAL_REP) {
                LegalRepresentative legalRep = imported.legalRepresentative();
                return new VerifyIdentityByIdCard(imported.enterpriseId(), attemptId, subject, legalRep.name(),
                        legalRep.documentNumber(), IdValidity.of(LEGAL_REP_FROM, LEGAL_REP_TO, today));
            }
            AccountOwner admin = imported.administrator().owner();
            return new VerifyIdentityByIdCard(imported.enterpriseId(), attemptId, subject, admin.name(),
                    admin.documentNumber(), IdValidity.of(ADMIN_FROM, ADMIN_TO, today));
        }

        /** The administrator's own card, signing a fresh nonce as the E-Port client control would. */
        private void icCard(boolean revoked) {
            Instant now = clock.instant();
            AccountOwner admin = imported.administrator().owner();
            IssuedCard card = eportCa.issue(new CardHolder(imported.name(), imported.orgCode().value(), admin.name(),
                    admin.documentNumber(), CardType.LEGAL_PERSON), now.minus(Duration.ofDays(30)),
                    now.plus(Duration.ofDays(700)), revoked);
            byte[] nonce = new byte[32];
            secure.nextBytes(nonce);
            String signature;
            try {
                signature = Base64.getEncoder().encodeToString(SoftwareCardAuthority.sign(card.privateKey(), nonce));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The sandbox card could not sign", e);
            }
            CardCheck check = cards.verify(Pem.write(card.certificate()), signature, nonce);
            send(new CertifyByIcCard(imported.enterpriseId(), UUID.randomUUID().toString(),
                    imported.administrator().accountId(), check));
        }

        /** The sandbox bank answers as it would to the UKey password typed (a wrong one for a refusal). */
        private void bank(boolean rightPassword) {
            Bank bank = BANKS[random.nextInt(BANKS.length)];
            String password = "ukey-" + Integer.toString(random.nextInt(1_000_000), 36) + "x";
            banks.registerAccount(bank, imported.uscc().value(), imported.name(), password);
            String typed = rightPassword ? password : password + "0";
            StepResult started = send(new StartBankUkeyCertification(imported.enterpriseId(),
                    UUID.randomUUID().toString(), imported.administrator().accountId(), bank));
            FailureReason failure = banks.certifies(bank, imported.uscc().value(), typed) ? null
                    : FailureReason.BANK_REFUSED;
            send(new RecordBankUkeyResult(imported.enterpriseId(), started.attemptId(), bank, failure, false));
        }

        private StepResult send(Object command) {
            return commands.<StepResult>send(command, origin).join();
        }
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static String person(Random random) {
        return pick(random, SURNAMES) + pick(random, GIVEN) + (random.nextBoolean() ? pick(random, GIVEN) : "");
    }

    private static String code(Random random) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder body = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            body.append(chars.charAt(random.nextInt(chars.length())));
        }
        return body.toString();
    }

    /** A resident ID of someone born in Shanghai's Pudong (310115) between 1960 and 1995. */
    private static String residentId(Random random) {
        String first17 = String.format("310115%04d%02d%02d%03d", 1960 + random.nextInt(36), 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return first17 + IdentityDocument.checkCharacter(first17);
    }
}
