package cn.singlewindow.realname.api.captcha;

import org.springframework.context.annotation.Profile;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Exists only in the sandbox profile, where its schema extension is loaded too. */
@Controller
@Profile("sandbox")
class SandboxCaptchaController {

    private final Captchas captchas;

    SandboxCaptchaController(Captchas captchas) {
        this.captchas = captchas;
    }

    @QueryMapping
    String sandboxCaptchaAnswer(@Argument String captchaId) {
        return captchas.sandboxAnswer(captchaId).orElse(null);
    }
}
