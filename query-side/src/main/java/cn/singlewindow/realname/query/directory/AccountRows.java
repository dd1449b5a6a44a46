package cn.singlewindow.realname.query.directory;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRows extends JpaRepository<AccountRow, String> {

    List<AccountRow> findByEnterpriseIdInOrderByUsername(Collection<String> enterpriseIds);
}
