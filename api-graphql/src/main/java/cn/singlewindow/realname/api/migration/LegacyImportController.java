package cn.singlewindow.realname.api.migration;

import cn.singlewindow.realname.api.common.Commands;
import cn.singlewindow.realname.api.error.ContractErrorBody;
import cn.singlewindow.realname.api.security.Access;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /legacy-imports}: OPERATIONS hands over a file of migrated enterprises (docs/migration.md). */
@RestController
class LegacyImportController {

    private static final Logger log = LoggerFactory.getLogger(LegacyImportController.class);
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    private final LegacyImports imports;
    private final Commands commands;

    LegacyImportController(LegacyImports imports, Commands commands) {
        this.imports = imports;
        this.commands = commands;
    }

    @PostMapping(path = "/legacy-imports", consumes = {CSV, NDJSON})
    @PreAuthorize("hasRole('OPERATIONS')")
    ResponseEntity<Map<String, String>> start(HttpServletRequest request) throws IOException {
        LegacyImports.Format format = MediaType.parseMediaType(request.getContentType())
                .isCompatibleWith(MediaType.parseMediaType(CSV)) ? LegacyImports.Format.CSV
                : LegacyImports.Format.NDJSON;
        String startedBy = Access.actor().accountId().value();
        String importId = imports.start(request.getInputStream(), format,
                commands.origin(request, LegacyImports.CHANNEL), startedBy);
        log.info("Legacy import {} ({}) started by {}", importId, format, startedBy);
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("importId", importId));
    }

    @ExceptionHandler(RejectedException.class)
    ResponseEntity<ContractErrorBody> refused(RejectedException refused) {
        Rejection rejection = refused.rejection();
        HttpStatus status = "REQUEST_TOO_LARGE".equals(rejection.code()) ? HttpStatus.PAYLOAD_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ContractErrorBody.of(rejection));
    }
}
