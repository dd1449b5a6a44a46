package cn.singlewindow.realname.query.directory;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountRows extends JpaRepository<AccountRow, String> {

    /** What a replay of the erased person's events would leave: no name, no number, no reference. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("UPDATE AccountRow r SET r.ownerName = NULL, r.documentNumber = NULL, r.ownerRef = NULL"
            + " WHERE r.ownerRef = :personRef")
    int erasePerson(String personRef);
}
