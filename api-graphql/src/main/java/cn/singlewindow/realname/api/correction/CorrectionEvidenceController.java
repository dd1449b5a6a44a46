package cn.singlewindow.realname.api.correction;

import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.api.common.ReadYourWrites;
import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.api.error.ContractErrorBody;
import cn.singlewindow.realname.api.security.Actor;
import cn.singlewindow.realname.command.correction.EvidenceFiles;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.correction.AddCorrectionEvidence;
import cn.singlewindow.realname.messages.correction.CorrectionCaseView;
import cn.singlewindow.realname.messages.correction.FindCorrectionCase;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files of evidence of correction cases (manual §2.3 (3)), outside GraphQL because they are files: uploaded by the
 * case's administrator while it is a draft, read back as uploaded by the administrator, OPERATIONS and AUDITOR. A
 * file is kept only if its content is a PDF, a JPEG or a PNG ({@link EvidenceContent}), whatever its name says.
 */
@RestController
class CorrectionEvidenceController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[\\p{Cntrl}\\\\/\"<>:|?*]");
    private static final int MAX_NAME = 100;

    static final Rejection NOT_FOUND = Rejection.of("NOT_FOUND", "No such case or file.", "更正申请或材料不存在。");
    static final Rejection NOT_EVIDENCE = Rejection.of("EVIDENCE_TYPE_NOT_ACCEPTED",
            "Evidence is a PDF, JPEG or PNG file, judged by its content.", "证明材料须为PDF、JPEG或PNG文件（按文件内容判断）。")
            .onField("file");
    static final Rejection EMPTY = Rejection.of("VALIDATION_FAILED", "The file is empty.", "上传的文件为空。")
            .onField("file");

    private final Commands commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final EvidenceFiles files;

    CorrectionEvidenceController(Commands commands, QueryGateway queries, ReadYourWrites readYourWrites,
                                 EvidenceFiles files) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.files = files;
    }

    record Stored(String id, String fileName, String contentType, long size, String sha256) {
    }

    @PostMapping(value = "/correction-cases/{caseId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Stored> upload(@PathVariable String caseId, @RequestPart("file") MultipartFile file,
                                  HttpServletRequest http) throws IOException {
        Actor actor = Actor.current().orElseThrow(() -> new RejectedException(ApiRejections.FORBIDDEN));
        CorrectionCaseView correction = caseFor(caseId, actor);
        if (!CaseAccess.mayChange(actor, correction)) {
            throw new RejectedException(ApiRejections.FORBIDDEN);
        }
        byte[] content = file.getBytes();
        if (content.length == 0) {
            throw new RejectedException(EMPTY);
        }
        String contentType = EvidenceContent.judge(content).orElseThrow(() -> new RejectedException(NOT_EVIDENCE));
        String fileName = fileName(file.getOriginalFilename(), contentType);
        String sha256 = sha256(content);
        String evidenceId = UUID.randomUUID().toString();
        commands.<Long>send(new AddCorrectionEvidence(caseId, actor.accountId(), evidenceId, fileName, contentType,
                        content, sha256), commands.origin(http, "HTTP"))
                .thenCompose(version -> readYourWrites.await(new FindCorrectionCase(caseId), CorrectionCaseView.class,
                        CorrectionCaseView::version, version))
                .join();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Stored(evidenceId, fileName, contentType, content.length, sha256));
    }

    @GetMapping("/correction-cases/{caseId}/evidence/{evidenceId}")
    ResponseEntity<byte[]> download(@PathVariable String caseId, @PathVariable String evidenceId) {
        Actor actor = Actor.current().orElseThrow(() -> new RejectedException(ApiRejections.FORBIDDEN));
        CorrectionCaseView correction = caseFor(caseId, actor);
        if (!CaseAccess.mayRead(actor, correction) || !ID.matcher(evidenceId).matches()) {
            throw new RejectedException(NOT_FOUND);
        }
        EvidenceFiles.EvidenceFile found = files.read(caseId, evidenceId)
                .orElseThrow(() -> new RejectedException(NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(found.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(found.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Evidence-Sha256", found.sha256())
                .body(found.content());
    }

    /** The case, when this actor may know of it at all; a case of someone else's is answered as no case. */
    private CorrectionCaseView caseFor(String caseId, Actor actor) {
        if (!ID.matcher(caseId).matches()) {
            throw new RejectedException(NOT_FOUND);
        }
        Optional<CorrectionCaseView> found = queries.query(new FindCorrectionCase(caseId),
                ResponseTypes.optionalInstanceOf(CorrectionCaseView.class)).join();
        return found.filter(correction -> CaseAccess.mayRead(actor, correction))
                .orElseThrow(() -> new RejectedException(NOT_FOUND));
    }

    /** The name as given, without paths, control or shell characters, shortened; a name of its own when none is left. */
    static String fileName(String given, String contentType) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = UNSAFE_IN_NAME.matcher(name).replaceAll("").strip();
        if (name.length() > MAX_NAME) {
            name = name.substring(name.length() - MAX_NAME);
        }
        return name.isEmpty() || name.startsWith(".") ? "evidence." + EvidenceContent.extension(contentType) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ExceptionHandler(RejectedException.class)
    ResponseEntity<ContractErrorBody> refused(RejectedException refused) {
        return answer(refused.rejection());
    }

    @ExceptionHandler(CompletionException.class)
    ResponseEntity<ContractErrorBody> failed(CompletionException failed) {
        Throwable cause = failed.getCause();
        if (cause instanceof RejectedException refused) {
            return answer(refused.rejection());
        }
        if (cause instanceof CommandExecutionException command && command.getDetails().orElse(null)
                instanceof Rejection rejection) {
            return answer(rejection);
        }
        throw failed;
    }

    private static ResponseEntity<ContractErrorBody> answer(Rejection rejection) {
        HttpStatus status = switch (rejection.code()) {
            case "FORBIDDEN" -> HttpStatus.FORBIDDEN;
            case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
            case "EVIDENCE_TYPE_NOT_ACCEPTED" -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ContractErrorBody.of(rejection));
    }
}
