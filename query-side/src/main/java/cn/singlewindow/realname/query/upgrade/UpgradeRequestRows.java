package cn.singlewindow.realname.query.upgrade;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UpgradeRequestRows extends JpaRepository<UpgradeRequestRow, String> {

    List<UpgradeRequestRow> findByEnterpriseIdOrderByRequestedAtDesc(String enterpriseId);

    /** What a replay of the erased person's events would leave: no name, no number, no reference. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("UPDATE UpgradeRequestRow r SET r.ownerName = NULL, r.documentNumber = NULL, r.applicantRef = NULL"
            + " WHERE r.applicantRef = :personRef")
    int erasePerson(String personRef);
}
