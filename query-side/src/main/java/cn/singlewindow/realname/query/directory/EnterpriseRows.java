package cn.singlewindow.realname.query.directory;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EnterpriseRows extends JpaRepository<EnterpriseRow, String> {

    Optional<EnterpriseRow> findFirstByUscc(String uscc);
}
