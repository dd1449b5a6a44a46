package cn.singlewindow.realname.query.certification;

import org.springframework.data.jpa.repository.JpaRepository;

interface AttemptRows extends JpaRepository<AttemptRow, String> {
}
