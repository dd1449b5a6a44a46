package cn.singlewindow.realname.query.certification;

import org.springframework.data.jpa.repository.JpaRepository;

interface MethodStatusRows extends JpaRepository<MethodStatusRow, MethodStatusRow.Key> {
}
