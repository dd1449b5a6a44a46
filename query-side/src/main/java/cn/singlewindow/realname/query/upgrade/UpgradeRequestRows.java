package cn.singlewindow.realname.query.upgrade;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface UpgradeRequestRows extends JpaRepository<UpgradeRequestRow, String> {

    List<UpgradeRequestRow> findByEnterpriseIdOrderByRequestedAtDesc(String enterpriseId);
}
