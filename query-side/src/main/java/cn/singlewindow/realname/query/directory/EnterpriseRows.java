package cn.singlewindow.realname.query.directory;

import org.springframework.data.jpa.repository.JpaRepository;

interface EnterpriseRows extends JpaRepository<EnterpriseRow, String> {
}
