package cn.singlewindow.realname.api.sandbox;

import cn.singlewindow.realname.cardbridge.bankukey.BankUkeyRequest;
import cn.singlewindow.realname.cardbridge.bankukey.BankUkeyResponse;
import cn.singlewindow.realname.cardbridge.bankukey.SignedMessages;
import cn.singlewindow.realname.cardbridge.sandbox.SandboxBanks;
import cn.singlewindow.realname.messages.card.Bank;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The sandbox's bank pages, walking the manual's steps (§2.5.6): insert the UKey, check the information and choose
 * "单一窗口企业实名认证", enter the UKey password; then the bank signs its answer with its sandbox key and the
 * browser posts it back to the Single Window. The request must carry our platform's signature. The answer is a pass
 * only for a corporate account the bank holds, with its own UKey password (SandboxBanks); otherwise it is refused.
 */
@Controller
@Profile("sandbox")
class SandboxBankPages {

    private final SandboxBanks banks;
    private final ObjectMapper json;

    SandboxBankPages(SandboxBanks banks, ObjectMapper json) {
        this.banks = banks;
        this.json = json;
    }

    @GetMapping(value = "/sandbox/bank/{bank}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> signIn(@PathVariable Bank bank, @RequestParam String request) throws IOException {
        BankUkeyRequest verified = verifiedRequest(request);
        if (verified == null) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML).body(page(bank,
                    "<p>请求签名无效 The request is not signed by the Single Window.</p>"));
        }
        String form = "<ol><li>插入网银盾（沙箱）Insert the UKey (sandbox): <b>已插入 inserted</b></li>"
                + "<li>核对信息 Check: 统一社会信用代码 <b id=\"uscc\">" + HtmlUtils.htmlEscape(verified.uscc())
                + "</b>，点击“单一窗口企业实名认证”</li>"
                + "<li><form method=\"post\" action=\"/sandbox/bank/" + bank.name() + "/authorize\">"
                + "<input type=\"hidden\" name=\"request\" value=\"" + HtmlUtils.htmlEscape(request) + "\">"
                + "网银盾密码 UKey password: <input type=\"password\" name=\"password\" required>"
                + "<button type=\"submit\">确定 Confirm</button></form></li></ol>";
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page(bank, form));
    }

    @PostMapping(value = "/sandbox/bank/{bank}/authorize", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> authorize(@PathVariable Bank bank, @RequestParam String request,
                                     @RequestParam(required = false) String password) throws IOException {
        BankUkeyRequest verified = verifiedRequest(request);
        if (verified == null || password == null || password.isBlank()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML).body(page(bank,
                    "<p>网银盾密码或请求无效 Invalid password or request.</p>"));
        }
        boolean certified = banks.certifies(bank, verified.uscc(), password);
        String response = banks.signAsBank(bank, json.writeValueAsBytes(new BankUkeyResponse(verified.attemptId(),
                verified.state(), verified.uscc(), certified ? BankUkeyResponse.PASSED : BankUkeyResponse.REFUSED)));
        String outcome = certified ? "<p>认证成功，正在返回单一窗口 Certified; returning to the Single Window…</p>"
                : "<p id=\"refused\">认证失败：本行无此企业的对公账户，或网银盾密码错误。正在返回单一窗口"
                + " Not certified: no corporate account of this enterprise here, or a wrong UKey password;"
                + " returning to the Single Window…</p>";
        String form = outcome
                + "<form id=\"back\" method=\"post\" action=\"" + HtmlUtils.htmlEscape(verified.returnUrl()) + "\">"
                + "<input type=\"hidden\" name=\"response\" value=\"" + HtmlUtils.htmlEscape(response) + "\">"
                + "<button type=\"submit\">继续 Continue</button></form>"
                + "<script>document.getElementById('back').submit();</script>";
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page(bank, form));
    }

    private BankUkeyRequest verifiedRequest(String request) throws IOException {
        byte[] content = SignedMessages.verify(request, banks.platformCertificate()).orElse(null);
        return content == null ? null : json.readValue(content, BankUkeyRequest.class);
    }

    private static String page(Bank bank, String content) {
        return "<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\"><title>" + bank.name()
                + " 沙箱网银 Sandbox bank</title></head><body><h1>" + bank.name() + " 沙箱网银 Sandbox bank</h1>"
                + content + "</body></html>";
    }
}
