package cn.singlewindow.realname.query.directory;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EnterpriseRows extends JpaRepository<EnterpriseRow, String> {

    Optional<EnterpriseRow> findFirstByUscc(String uscc);

    /** What a replay of the erased person's events would leave: no name, no number, no reference. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("UPDATE EnterpriseRow r SET r.legalRepName = NULL, r.legalRepDocumentNumber = NULL, r.legalRepRef = NULL"
            + " WHERE r.legalRepRef = :personRef")
    int erasePerson(String personRef);
}
