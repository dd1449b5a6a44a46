package cn.singlewindow.realname.command.correction;

import java.util.Optional;

/** The files of evidence of correction cases, as they were uploaded. */
public interface EvidenceFiles {

    record EvidenceFile(String fileName, String contentType, byte[] content, String sha256) {
    }

    Optional<EvidenceFile> read(String caseId, String evidenceId);
}
