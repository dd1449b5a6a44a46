package cn.singlewindow.realname.api.captcha;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class CaptchaController {

    private final Captchas captchas;

    CaptchaController(Captchas captchas) {
        this.captchas = captchas;
    }

    @QueryMapping
    Captchas.Captcha captcha() {
        return captchas.issue();
    }
}
