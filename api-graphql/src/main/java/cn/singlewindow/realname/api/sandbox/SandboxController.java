package cn.singlewindow.realname.api.sandbox;

import cn.singlewindow.realname.api.captcha.Captchas;
import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.cardbridge.iccard.Pem;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority.CardHolder;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority.IssuedCard;
import cn.singlewindow.realname.cardbridge.sandbox.SandboxBanks;
import cn.singlewindow.realname.cardbridge.sandbox.SandboxEPortCa;
import cn.singlewindow.realname.messages.card.Bank;
import cn.singlewindow.realname.messages.card.CardType;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise.RegistrationStatus;
import cn.singlewindow.realname.command.enterprise.registry.SimulatedRegistry;
import cn.singlewindow.realname.command.certification.providers.SimulatedProviders;
import cn.singlewindow.realname.messages.account.AccountOwner;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.account.IdentityDocument;
import cn.singlewindow.realname.messages.common.Codes;
import cn.singlewindow.realname.messages.common.PersonName;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.ChinaTime;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import graphql.GraphQLContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Operations that exist only in the sandbox profile, where their schema extension is loaded too: they seed the
 * simulated providers and read what a tester could otherwise only see on a screen or a phone.
 */
@Controller
@Profile("sandbox")
class SandboxController {

    private final Captchas captchas;
    private final SimulatedRegistry registry;
    private final SimulatedProviders providers;
    private final SandboxEPortCa eportCa;
    private final SandboxBanks banks;
    private final SandboxDemo demo;
    private final Commands commands;
    private final Clock clock;

    SandboxController(Captchas captchas, SimulatedRegistry registry, SimulatedProviders providers,
                      SandboxEPortCa eportCa, SandboxBanks banks, SandboxDemo demo, Commands commands, Clock clock) {
        this.captchas = captchas;
        this.registry = registry;
        this.providers = providers;
        this.eportCa = eportCa;
        this.banks = banks;
        this.demo = demo;
        this.commands = commands;
        this.clock = clock;
    }

    record SandboxIcCardInput(String enterpriseName, String uscc, String holderName, String holderIdNumber,
                              CardType cardType, OffsetDateTime validFrom, OffsetDateTime validTo, Boolean revoked) {
    }

    record SandboxIcCard(String certificatePem, String privateKeyPem) {
    }

    @MutationMapping
    SandboxIcCard sandboxIssueIcCard(@Argument SandboxIcCardInput input) {
        Uscc uscc = Uscc.of(input.uscc());
        Instant now = clock.instant();
        if (input.enterpriseName().isBlank()) {
            throw new RejectedException(ApiRejections.invalidField("enterpriseName", "Give the enterprise's name.",
                    "请填写企业名称。"));
        }
        // A card's holder is a person with a resident ID card (the E-Port card's holder extension).
        IdentityDocument holder = IdentityDocument.of(DocumentType.RESIDENT_ID_CARD, input.holderIdNumber(),
                ChinaTime.today(clock));
        Instant validFrom = input.validFrom() == null ? now : input.validFrom().toInstant();
        Instant validTo = input.validTo() == null ? now.plus(Duration.ofDays(365)) : input.validTo().toInstant();
        if (!validTo.isAfter(validFrom)) {
            throw new RejectedException(ApiRejections.invalidField("validTo", "validTo must be after validFrom.",
                    "有效期截止时间须晚于起始时间。"));
        }
        IssuedCard card = eportCa.issue(new CardHolder(input.enterpriseName().strip(), uscc.orgCode().value(),
                        PersonName.of(input.holderName(), "holderName"), holder.number(), input.cardType()),
                validFrom, validTo, Boolean.TRUE.equals(input.revoked()));
        return new SandboxIcCard(Pem.write(card.certificate()), Pem.write(card.privateKey()));
    }

    record SandboxPersonInput(String name, DocumentType documentType, String documentNumber, String idValidFrom,
                              String idValidTo, boolean inCtid) {
    }

    record SandboxBankCardInput(String cardNumber, String name, DocumentType documentType, String documentNumber,
                                String phone) {
    }

    /** Valid persons only, as with the registry. */
    @MutationMapping
    boolean sandboxRegisterPerson(@Argument SandboxPersonInput input) {
        AccountOwner person = AccountOwner.of(input.name(), input.documentType(), input.documentNumber(),
                input.idValidFrom(), input.idValidTo(), ChinaTime.today(clock));
        providers.registerPerson(person.name(), person.documentType(), person.documentNumber(),
                person.idValidFrom(), person.idValidTo(), input.inCtid());
        return true;
    }

    @MutationMapping
    boolean sandboxRegisterBankCard(@Argument SandboxBankCardInput input) {
        IdentityDocument document = IdentityDocument.of(input.documentType(), input.documentNumber(),
                ChinaTime.today(clock));
        providers.registerBankCard(Codes.normalise(input.cardNumber()), PersonName.of(input.name(), "name"),
                document.type(), document.number(), Codes.normalise(input.phone()));
        return true;
    }

    record SandboxBankAccountInput(Bank bank, String uscc, String enterpriseName, String ukeyPassword) {
    }

    /** A corporate account the sandbox bank holds: the only kind it certifies, with this UKey password. */
    @MutationMapping
    boolean sandboxRegisterBankAccount(@Argument SandboxBankAccountInput input) {
        Uscc uscc = Uscc.of(input.uscc());
        if (input.enterpriseName().isBlank()) {
            throw new RejectedException(ApiRejections.invalidField("enterpriseName", "Give the enterprise's name.",
                    "请填写企业名称。"));
        }
        if (input.ukeyPassword().length() < 6) {
            throw new RejectedException(ApiRejections.invalidField("ukeyPassword",
                    "A UKey password has 6 to 64 characters.", "网银盾密码为6至64位。"));
        }
        banks.registerAccount(input.bank(), uscc.value(), input.enterpriseName().strip(), input.ukeyPassword());
        return true;
    }

    /** The enterprise count's range is the schema's (@range), checked before anything runs. */
    @MutationMapping
    SandboxDemo.Seeded sandboxSeedDemo(@Argument int enterprises, GraphQLContext context) {
        return demo.seed(enterprises, commands.origin(context));
    }

    @QueryMapping
    List<SimulatedProviders.SandboxSms> sandboxSmsOutbox(@Argument String phone) {
        return providers.outbox(Codes.normalise(phone));
    }

    record SandboxEnterpriseInput(String name, String uscc, String orgCode, String legalRepName,
                                  DocumentType legalRepDocumentType, String legalRepDocumentNumber,
                                  RegistrationStatus status) {
    }

    record SandboxRegistryEntry(String uscc, String name, String orgCode, RegistrationStatus status) {
    }

    @QueryMapping
    String sandboxCaptchaAnswer(@Argument String captchaId) {
        return captchas.sandboxAnswer(captchaId).orElse(null);
    }

    /** Seeds the simulated registry with valid data only: the sandbox must not pass what the real one refuses. */
    @MutationMapping
    SandboxRegistryEntry sandboxRegisterEnterprise(@Argument SandboxEnterpriseInput input) {
        Uscc uscc = Uscc.of(input.uscc());
        OrgCode orgCode = uscc.orgCodeOr(input.orgCode());
        RegisteredEnterprise record = new RegisteredEnterprise(uscc, input.name().strip(), orgCode,
                LegalRepresentative.of(input.legalRepName(), input.legalRepDocumentType(),
                        input.legalRepDocumentNumber(), ChinaTime.today(clock)),
                input.status() == null ? RegistrationStatus.ACTIVE : input.status());
        registry.register(record);
        return new SandboxRegistryEntry(uscc.value(), record.name(), orgCode.value(), record.status());
    }
}
