package cn.singlewindow.realname.api.sandbox;

import cn.singlewindow.realname.api.captcha.Captchas;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise.RegistrationStatus;
import cn.singlewindow.realname.command.enterprise.registry.SandboxEnterpriseRegistry;
import cn.singlewindow.realname.messages.account.DocumentType;
import cn.singlewindow.realname.messages.common.ChinaTime;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import java.time.Clock;
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
    private final SandboxEnterpriseRegistry registry;
    private final Clock clock;

    SandboxController(Captchas captchas, SandboxEnterpriseRegistry registry, Clock clock) {
        this.captchas = captchas;
        this.registry = registry;
        this.clock = clock;
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
        OrgCode orgCode = input.orgCode() == null || input.orgCode().isBlank() ? uscc.orgCode()
                : OrgCode.of(input.orgCode());
        RegisteredEnterprise record = new RegisteredEnterprise(uscc, input.name().strip(), orgCode,
                LegalRepresentative.of(input.legalRepName(), input.legalRepDocumentType(),
                        input.legalRepDocumentNumber(), ChinaTime.today(clock)),
                input.status() == null ? RegistrationStatus.ACTIVE : input.status());
        registry.register(record);
        return new SandboxRegistryEntry(uscc.value(), record.name(), orgCode.value(), record.status());
    }
}
