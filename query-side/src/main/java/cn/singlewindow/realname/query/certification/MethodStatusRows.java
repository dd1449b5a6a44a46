package cn.singlewindow.realname.query.certification;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MethodStatusRows extends JpaRepository<MethodStatusRow, MethodStatusRow.Key> {

    List<MethodStatusRow> findByKeyEnterpriseIdIn(Collection<String> enterpriseIds);
}
