package cn.singlewindow.realname.command.correction;

import java.time.Instant;

/** Where a case's file of evidence is kept, in the transaction of the event that records it. */
interface EvidenceStore {

    void store(String caseId, String evidenceId, String fileName, String contentType, byte[] content, String sha256,
               Instant at);
}
